package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports a plan notice into the catalog JSON.
 *
 * <pre>
 * ImportPlanCommand &lt;notice.txt&gt; [--out catalog.json]
 * </pre>
 *
 * From the repository root, e.g.:
 * <pre>
 * infra/bin/import-plan infra/plans/2026-lianzhengbanfa-13.txt --out infra/plans/plan-2026.json
 * </pre>
 *
 * Problems go to stderr, one per line with the notice's line number. The catalog goes to the
 * {@code --out} file (UTF-8) or, without it, to stdout — but only when the notice was read without any
 * problem, so a half-read notice never replaces a good catalog.
 *
 * <p>Units are resolved against the directory (单位与账号管理: the shipped registry and the units coordinators
 * registered) when a table is configured (XILIAN_DYNAMODB_TABLE, or XILIAN_DYNAMODB_ENDPOINT for a local stand-in)
 * and reachable; otherwise against the shipped registry (catalog/units.csv in core). The first line on stderr says
 * which.
 *
 * <p>Exit status: 0 imported; 1 the notice has problems or cannot be read; 2 wrong arguments.
 */
public final class ImportPlanCommand {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: ImportPlanCommand <notice.txt> [--out catalog.json]";

    private ImportPlanCommand() {
    }

    /** The units names are resolved against, and where they came from (printed). */
    public record Registry(UnitRegistry units, String source) {

        static Registry shipped(String why) {
            return new Registry(UnitRegistry.load(), "the shipped registry functions/core/src/main/resources/"
                    + UnitRegistry.RESOURCE + " (" + why + ")");
        }
    }

    public static void main(String[] args) {
        boolean configured = System.getenv("XILIAN_DYNAMODB_TABLE") != null
                || System.getenv("XILIAN_DYNAMODB_ENDPOINT") != null
                || System.getProperty("xilian.dynamodb.table") != null
                || System.getProperty("xilian.dynamodb.endpoint") != null;
        Registry registry;
        if (configured) {
            try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                    .eagerInitSingletons(false).start()) {
                registry = registry(context);
            }
        } else {
            registry = Registry.shipped("no table configured");
        }
        int status = run(args, System.out, System.err, registry);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** The directory of the configured table when it exists and answers, else the shipped registry. */
    public static Registry registry(ApplicationContext context) {
        String table = context.getBean(DynamoDbSettings.class).tableName();
        try {
            if (!new TableCreator(context.getBean(DynamoDbClient.class)).exists(table)) {
                return Registry.shipped("table " + table + " does not exist");
            }
            UnitRegistry units = context.getBean(UnitDirectory.class).registry();
            return new Registry(units, "the directory in table " + table + " (" + units.units().size() + " units)");
        } catch (RuntimeException unreachable) {
            String message = String.valueOf(unreachable.getMessage()).lines().findFirst().orElse("");
            return Registry.shipped("table " + table + " not reachable: " + message);
        }
    }

    /** The command without {@link System#exit}, for tests: against the shipped registry. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Registry.shipped("no table given"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Registry registry) {
        Path notice = null;
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length && output == null) {
                output = Path.of(args[++i]);
            } else if (!args[i].startsWith("-") && notice == null) {
                notice = Path.of(args[i]);
            } else {
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (notice == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String text;
        try {
            text = Files.readString(notice, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(notice + ": cannot read: " + e);
            return PROBLEMS;
        }
        err.println("units: " + registry.source());
        ImportResult result = new PlanImporter(registry.units()).importNotice(text);
        for (ImportProblem problem : result.problems()) {
            err.println(notice + ": " + problem);
        }
        if (!result.isClean()) {
            err.println(notice + ": " + result.problems().size() + " problem(s); no catalog written");
            return PROBLEMS;
        }
        Plan plan = result.plan().orElseThrow();
        String json = CatalogJson.write(plan);
        try {
            if (output == null) {
                out.print(json);
                out.flush();
            } else {
                Files.writeString(output, json, StandardCharsets.UTF_8);
                err.println(notice + ": " + plan.tasks().size() + " tasks, " + plan.units().size() + " units → " + output);
            }
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e);
            return PROBLEMS;
        }
        return OK;
    }
}
