package cn.lyg.xilian.tools;

import cn.lyg.xilian.wiring.LoadedYears;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.PlanYears;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.jobs.AlertScanHandler;
import cn.lyg.xilian.jobs.AlertScanResult;
import cn.lyg.xilian.jobs.JobRequest;
import cn.lyg.xilian.jobs.WeeklySummaryHandler;
import cn.lyg.xilian.jobs.WeeklySummaryResult;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs a job on demand, locally, "as of" a chosen date, through the same handler class the Lambda runs:
 * <pre>
 * alert-scan     [--as-of 2026-12-20] [options]
 * weekly-summary [--as-of 2026-11-30] [options]   the summary of the ISO week before the date (default today)
 * weekly-summary --resend 2026-W47 [--year 2026] [options]   admin: send that week of that plan year again to
 *                                                 every recipient (the year defaults to the week's own)
 * options: [--outbox DIR] [--endpoint http://localhost:8000] [--table xilian-local] [--base-url http://localhost:8080]
 *          [--load-plan infra/plans/plan-2026.json] [--contacts FILE.yml]
 * </pre>
 * Locally the outbox IS the transport: every email the run sends becomes an .eml file in DIR, and the
 * alerts and digests are marked delivered in the table, exactly as in AWS. To look without consuming
 * anything, point {@code --table} at a scratch table and add {@code --load-plan} (created if absent).
 *
 * <p>{@code --resend} is the only way to send a week twice (SendWeeklySummary.resend: the week's sent
 * records are reopened one generation later, so the mails get new Message-IDs). It is an admin action on
 * purpose, not a handler input: no schedule can trigger it by mistake. With several plan years loaded the week's
 * summary is one per year, so {@code --year} names the plan (a January week of 2027 is still 2026's close-out:
 * {@code --resend 2027-W02 --year 2026}); it must be a loaded year, else nothing is sent (exit 2).
 */
public final class RunJobCommand {

    private RunJobCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static final String USAGE = """
            usage: alert-scan [--as-of YYYY-MM-DD] [options]
                   weekly-summary [--as-of YYYY-MM-DD | --resend YYYY-Www [--year YYYY]] [options]
            options: [--outbox DIR] [--endpoint URL] [--table NAME] [--base-url URL] [--load-plan plan.json] [--contacts contacts.yml]""";

    public static int run(String[] args, PrintStream out) throws IOException {
        String job = args.length == 0 ? "" : args[0];
        if (!"alert-scan".equals(job) && !"weekly-summary".equals(job)) {
            out.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (options.containsKey("--resend") && (options.containsKey("--as-of") || !"weekly-summary".equals(job))
                || options.containsKey("--year") && !options.containsKey("--resend")) {
            out.println("--resend is for weekly-summary only, without --as-of; --year only with --resend\n" + USAGE);
            return 2;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("xilian.dynamodb.endpoint", options.getOrDefault("--endpoint", "http://localhost:8000"));
        properties.put("xilian.dynamodb.table", options.getOrDefault("--table", "xilian-local"));
        properties.put("xilian.mail.transport", "outbox");
        properties.put("xilian.mail.outbox.dir", options.getOrDefault("--outbox", "target/outbox"));
        properties.put("aws.region", "cn-north-1");
        if (options.containsKey("--base-url")) { // links in the emails: the local run's address (infra/bin/job)
            properties.put("xilian.base-url", options.get("--base-url"));
        }
        if (options.containsKey("--contacts")) {
            // e.g. xilian.contacts.coordinators: [...] and xilian.contacts.units.ganyu: [...]
            System.setProperty("micronaut.config.files", Path.of(options.get("--contacts")).toAbsolutePath().toString());
        }
        String outbox = properties.get("xilian.mail.outbox.dir").toString();
        ApplicationContextBuilder builder = ApplicationContext.builder().properties(properties);
        try (ApplicationContext context = builder.start()) {
            if (options.containsKey("--load-plan")) {
                loadPlan(context, Path.of(options.get("--load-plan")), out);
            }
            JobRequest request = new JobRequest(options.get("--as-of"));
            if ("alert-scan".equals(job)) {
                AlertScanResult report = new AlertScanHandler(context).execute(request);
                print(report, outbox, out);
                return report.failed().isEmpty() ? 0 : 1;
            }
            WeeklySummaryResult result;
            if (options.containsKey("--resend")) {
                ReportWeek week = ReportWeek.parse(options.get("--resend"));
                String asked = options.getOrDefault("--year", String.valueOf(week.weekBasedYear()));
                OptionalInt year = PlanYears.parse(asked);
                if (year.isEmpty() || !context.getBean(LoadedYears.class).read().loaded(year.getAsInt())) {
                    out.println("plan year " + asked + " is not loaded; nothing sent\n" + USAGE);
                    return 2;
                }
                result = WeeklySummaryResult.of(context.getBean(SendWeeklySummary.class).resend(year.getAsInt(), week));
            } else {
                result = new WeeklySummaryHandler(context).execute(request);
            }
            print(result, outbox, out);
            return result.failed().isEmpty() ? 0 : 1;
        }
    }

    private static void print(WeeklySummaryResult result, String outbox, PrintStream out) {
        out.println("weekly-summary " + result.week() + ": sent " + result.sent().size() + " (to " + outbox
                + "), already sent " + result.alreadySent().size() + ", failed " + result.failed().size()
                + ", recipients without address " + result.withoutAddress().size() + ", reopened " + result.reopened());
        result.sent().forEach(r -> out.println("  sent    " + r));
        result.failed().forEach(f -> out.println("  FAILED  " + f + " (stays pending: the next run retries it)"));
        result.withoutAddress().forEach(r -> out.println("  no address for " + r));
    }

    private static void loadPlan(ApplicationContext context, Path planJson, PrintStream out) throws IOException {
        String table = context.getBean(DynamoDbSettings.class).tableName();
        new TableCreator(context.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(planJson)) {
            CatalogRepository.LoadResult loaded = context.getBean(CatalogRepository.class).load(CatalogJson.read(in));
            out.println("plan " + planJson + " → " + table + ": " + loaded);
        }
    }

    private static void print(AlertScanResult report, String outbox, PrintStream out) {
        out.println("alert-scan as of " + report.asOf() + ": found " + report.found() + ", new " + report.newlyRecorded()
                + ", emails sent " + report.delivered().size() + " (to " + outbox + "), failed " + report.failed().size()
                + ", audiences without address " + report.withoutAddress().size());
        report.delivered().forEach(d -> out.println("  sent    " + d.audience() + ": " + d.items() + " item(s), " + d.messageId()));
        report.failed().forEach(f -> out.println("  FAILED  " + f.audience() + ": " + f.items() + " item(s), " + f.error()));
        report.withoutAddress().forEach(a -> out.println("  no address for " + a + " (items stay pending)"));
        if (report.calendarWarning() != null) { // README "Holidays": infra/bin/load-calendar
            out.println("  holiday calendar missing: " + report.calendarWarning());
        }
    }
}
