package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.ScanReport;
import cn.lyg.xilian.core.catalog.CatalogJson;
import cn.lyg.xilian.core.port.CatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a job on demand, locally, "as of" a chosen date, through the same handler class the Lambda runs:
 * <pre>
 * alert-scan [--as-of 2026-12-20] [--outbox DIR] [--endpoint http://localhost:8000] [--table xilian-local]
 *            [--load-plan infra/plans/plan-2026.json] [--contacts FILE.yml]
 * </pre>
 * Locally the outbox IS the transport: every email the run sends becomes an .eml file in DIR, and the
 * alerts are marked delivered in the table, exactly as in AWS. To look without consuming anything, point
 * {@code --table} at a scratch table and add {@code --load-plan} (the table is created if absent).
 */
public final class RunJobCommand {

    private RunJobCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0 || !"alert-scan".equals(args[0])) {
            out.println("usage: alert-scan [--as-of YYYY-MM-DD] [--outbox DIR] [--endpoint URL] [--table NAME]"
                    + " [--load-plan plan.json] [--contacts contacts.yml]");
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("xilian.dynamodb.endpoint", options.getOrDefault("--endpoint", "http://localhost:8000"));
        properties.put("xilian.dynamodb.table", options.getOrDefault("--table", "xilian-local"));
        properties.put("xilian.mail.transport", "outbox");
        properties.put("xilian.mail.outbox.dir", options.getOrDefault("--outbox", "target/outbox"));
        properties.put("aws.region", "cn-north-1");
        if (options.containsKey("--contacts")) {
            // e.g. xilian.contacts.coordinators: [...] and xilian.contacts.units.ganyu: [...]
            System.setProperty("micronaut.config.files", Path.of(options.get("--contacts")).toAbsolutePath().toString());
        }
        ApplicationContextBuilder builder = ApplicationContext.builder().properties(properties);
        try (ApplicationContext context = builder.start()) {
            if (options.containsKey("--load-plan")) {
                loadPlan(context, Path.of(options.get("--load-plan")), out);
            }
            LocalDate asOf = options.containsKey("--as-of") ? LocalDate.parse(options.get("--as-of")) : null;
            ScanReport report = new AlertScanHandler(context).execute(new JobRequest(asOf == null ? null : asOf.toString()));
            print(report, properties.get("xilian.mail.outbox.dir").toString(), out);
            return report.failed().isEmpty() ? 0 : 1;
        }
    }

    private static void loadPlan(ApplicationContext context, Path planJson, PrintStream out) throws IOException {
        String table = context.getBean(DynamoDbSettings.class).tableName();
        new TableCreator(context.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(planJson)) {
            CatalogRepository.LoadResult loaded = context.getBean(CatalogRepository.class).load(CatalogJson.read(in));
            out.println("plan " + planJson + " → " + table + ": " + loaded);
        }
    }

    private static void print(ScanReport report, String outbox, PrintStream out) {
        out.println("alert-scan as of " + report.asOf() + ": found " + report.found() + ", new " + report.newlyRecorded()
                + ", emails sent " + report.delivered().size() + " (to " + outbox + "), failed " + report.failed().size()
                + ", audiences without address " + report.withoutAddress().size());
        report.delivered().forEach(d -> out.println("  sent    " + d.audience() + ": " + d.items() + " item(s), " + d.messageId()));
        report.failed().forEach(f -> out.println("  FAILED  " + f.audience() + ": " + f.items() + " item(s), " + f.error()));
        report.withoutAddress().forEach(a -> out.println("  no address for " + a + " (items stay pending)"));
    }
}
