package cn.lyg.xilian.tools;

import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.PlanDiff;
import cn.lyg.xilian.core.catalog.PlanDiffText;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a catalog (infra/plans/plan-YYYY.json) into the table: the operator's step after `sam deploy`, and
 * again whenever a plan is re-imported. Idempotent: unchanged items are not written, reported progress is
 * never erased. The table comes from configuration like the functions' (XILIAN_DYNAMODB_TABLE,
 * XILIAN_DYNAMODB_REGION, and XILIAN_DYNAMODB_ENDPOINT for LocalStack or dynalite).
 * <pre>
 *   load-plan [--dry-run | --create-table] &lt;catalog.json&gt;
 * </pre>
 * --dry-run reads what is loaded (one Query of the plan partition) and prints, unit by unit, what the load would
 * change ({@link PlanDiffText}), writing nothing. --create-table is for local stand-ins only; in AWS the stack owns
 * the table.
 * --create-table is for local stand-ins only; in AWS the stack owns the table. Each load also seeds the directory
 * (单位与账号管理): every unit of the shipped registry without a stored profile gets one, with the contacts configured
 * (xilian.contacts.units / UNIT_CONTACTS_JSON); a unit a coordinator has edited is never overwritten.
 */
public final class LoadPlanCommand {

    static final String USAGE = "usage: load-plan [--dry-run | --create-table] <catalog.json>\n"
            + "  --dry-run       print what the load would change, unit by unit, and write nothing\n"
            + "  --create-table  create the table first (LocalStack or dynalite only)";

    private LoadPlanCommand() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .eagerInitSingletons(false).start()) {
            System.exit(run(context, List.of(args), System.out, System.err));
        }
    }

    public static int run(ApplicationContext context, List<String> args, PrintStream out, PrintStream err) {
        List<String> files = args.stream().filter(a -> !a.startsWith("--")).toList();
        List<String> flags = args.stream().filter(a -> a.startsWith("--")).distinct().toList();
        boolean dryRun = flags.contains("--dry-run");
        boolean createTable = flags.contains("--create-table");
        // A preview creates nothing, not even a table: it compares with what a table holds.
        if (files.size() != 1 || flags.size() + 1 != args.size() || (dryRun && createTable)
                || !List.of("--dry-run", "--create-table").containsAll(flags)) {
            err.println(USAGE);
            return 2;
        }
        Path catalog = Path.of(files.getFirst());
        if (!Files.isRegularFile(catalog)) {
            err.println("no such catalog: " + catalog.toAbsolutePath());
            return 1;
        }
        String table = context.getBean(DynamoDbSettings.class).tableName();
        TableCreator tables = new TableCreator(context.getBean(DynamoDbClient.class));
        if (createTable) {
            tables.createIfAbsent(table);
        } else if (!tables.exists(table)) {
            err.println("table " + table + " does not exist (set XILIAN_DYNAMODB_TABLE to the stack's TableName output)");
            return 1;
        }
        Plan plan;
        try (InputStream in = Files.newInputStream(catalog)) {
            plan = CatalogJson.read(in);
        } catch (IOException e) {
            err.println("cannot read the catalog " + catalog.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
        CatalogRepository catalogs = context.getBean(CatalogRepository.class);
        if (dryRun) {
            CatalogRepository.Loaded loaded = catalogs.loaded(plan.year());
            out.print(PlanDiffText.render(PlanDiff.of(loaded.plan().orElse(null), plan, loaded.reported())));
            out.printf("dry run: nothing written to %s%n", table);
            return 0;
        }
        CatalogRepository.LoadResult result = catalogs.load(plan);
        out.printf("plan %d (%d tasks, %d units) into %s: %d created, %d updated, %d unchanged%n", plan.year(),
                plan.tasks().size(), plan.units().size(), table, result.created(), result.updated(), result.unchanged());
        int seeded = context.getBean(UnitDirectory.class).seed();
        out.printf("directory: %d unit profile(s) seeded from the registry (existing profiles left as they are)%n",
                seeded);
        return 0;
    }
}
