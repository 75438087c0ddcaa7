package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.core.report.SummaryRunReport;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.dynamodb.DynamoCatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.DynamoDigestRepository;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.email.EmailSettings;
import cn.lyg.xilian.email.HtmlSummaryMailRenderer;
import cn.lyg.xilian.email.OutboxMailTransport;
import cn.lyg.xilian.ledger.XlsxLedgerWriter;
import cn.lyg.xilian.testkit.Dynalite;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly summary of week 1 and of week 52 of a synthetic year in which every (task, unit) pair of the
 * 2026 plan reports once a week. One table, filled in time order: week 1's submissions → the week-1
 * summary (measured) → weeks 2 … 51 (and week 51's summary, unmeasured, so week 52 has its baseline
 * snapshot as in production) → week 52 → the week-52 summary (measured). Each measured run is the week's
 * first (all recipients sent to an outbox). Items read are counted by {@link AlertScanBenchmark.Counter}
 * on the client. Then the whole plan's coordinators mail (summary + .xlsx of every pair) is rendered on
 * its own, to show the rendering cost. Not a test: run it with the command in functions/jobs/README.md.
 */
public final class WeeklySummaryBenchmark {

    static final int YEAR = 2026;
    static final int WEEKS = 52;

    public static void main(String[] args) throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Plan plan = JobsTestApp.plan2026();
        Path outbox = Files.createTempDirectory("bench-weekly-");
        AlertScanBenchmark.Counter counter = new AlertScanBenchmark.Counter();
        try (Dynalite dynalite = Dynalite.start(null)) {
            DynamoDbSettings settings = DynamoDbSettings.of(Dynalite.uniqueTableName("bench-weekly"),
                    dynalite.endpoint(), "cn-north-1");
            try (DynamoDbClient client = DynamoDbClient.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .region(Region.of(settings.region()))
                    .endpointOverride(settings.endpointOverride().orElseThrow())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                    .build()) {
                new TableCreator(client).createIfAbsent(settings.tableName());
                DynamoCatalogRepository catalog = new DynamoCatalogRepository(client, settings);
                DynamoProgressRepository progress = new DynamoProgressRepository(client, settings);
                DynamoDigestRepository digests = new DynamoDigestRepository(client, settings);
                catalog.load(plan);
                Bench bench = new Bench(plan, catalog, progress, digests, outbox);

                int written = writeWeeks(plan, progress, 1, 1);
                Result week1 = bench.measure(week(1), counter, written);
                written += writeWeeks(plan, progress, 2, WEEKS - 1);
                bench.send(week(WEEKS - 1)); // the baseline snapshot week 52 compares with
                written += writeWeeks(plan, progress, WEEKS, WEEKS);
                Result week52 = bench.measure(week(WEEKS), counter, written);

                long renderStart = System.nanoTime();
                int attachmentBytes = bench.renderWholePlan(week(WEEKS));
                long renderMillis = (System.nanoTime() - renderStart) / 1_000_000;

                System.out.printf("pairs (task, unit): %d, units: %d%n",
                        plan.tasks().stream().mapToInt(t -> t.unitIds().size()).sum(), plan.units().size());
                System.out.printf("%-9s %14s %10s %12s %10s %8s%n", "week", "submissions", "run ms", "items read",
                        "requests", "emails");
                for (Result r : List.of(week1, week52)) {
                    System.out.printf("%-9s %14d %10d %12d %10d %8d%n", r.week, r.submissionsInTable, r.millis,
                            r.itemsRead, r.requests, r.emails);
                }
                System.out.printf("items read growth week 52 vs week 1: %.1f%% (target <= 20%%)%n",
                        100.0 * (week52.itemsRead - week1.itemsRead) / week1.itemsRead);
                System.out.printf("whole-plan coordinators mail (summary build + HTML/text + .xlsx of %d bytes): %d ms"
                        + " (target < 2000 ms)%n", attachmentBytes, renderMillis);
            }
        }
    }

    record Result(String week, int submissionsInTable, long millis, long itemsRead, long requests, int emails) {
    }

    /** The use case wired as in the Lambda, but on the counting client and with a clock per week. */
    private record Bench(Plan plan, DynamoCatalogRepository catalog, DynamoProgressRepository progress,
                         DynamoDigestRepository digests, Path outbox) {

        SendWeeklySummary useCase(ReportWeek week) {
            // Monday 09:00 Asia/Shanghai after the week, the scheduled time.
            Clock clock = Clock.fixed(week.end().plusSeconds(9 * 3600), ZoneOffset.UTC);
            ContactDirectory contacts = new ContactDirectory() {
                public List<String> unitContacts(String unitId) {
                    return List.of(unitId + "@example.cn");
                }

                public List<String> coordinators() {
                    return List.of("fgw@example.cn");
                }
            };
            return new SendWeeklySummary(catalog, progress, digests, contacts, renderer(clock),
                    new OutboxMailTransport(outbox.resolve(week.id()), clock), new XlsxLedgerWriter(),
                    new AlertRules(new AlertEvaluator(), AlertSettings.defaults(), WorkCalendar.fromClasspath()), "xilian.example.cn", clock);
        }

        static HtmlSummaryMailRenderer renderer(Clock clock) {
            return new HtmlSummaryMailRenderer(new EmailSettings("noreply@example.cn", "锡连帮扶合作进度通",
                    "https://xilian.example.cn", "xilian.example.cn"), clock);
        }

        SummaryRunReport send(ReportWeek week) {
            return useCase(week).run(YEAR, week.monday().plusWeeks(1));
        }

        Result measure(ReportWeek week, AlertScanBenchmark.Counter counter, int submissionsInTable) {
            counter.reset();
            long start = System.nanoTime();
            SummaryRunReport report = send(week);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!report.failed().isEmpty()) {
                throw new IllegalStateException("sending failed: " + report.failed());
            }
            return new Result(week.id(), submissionsInTable, millis, counter.items.get(), counter.requests.get(),
                    report.sent().size());
        }

        /** Builds the week's summary and renders the coordinators' mail with the whole plan's ledger. */
        int renderWholePlan(ReportWeek week) {
            SendWeeklySummary useCase = useCase(week);
            WeeklySummary summary = useCase.summaryOf(YEAR, week);
            XlsxLedgerWriter xlsx = new XlsxLedgerWriter();
            byte[] attachment = xlsx.write(summary.ledger());
            renderer(Clock.systemUTC()).coordinatorsSummary(summary, new SummaryMailRenderer.Envelope(
                    List.of("fgw@example.cn"), "bench@xilian.example.cn",
                    new SummaryMailRenderer.Attachment("台账.xlsx", xlsx.contentType(), attachment)));
            return attachment.length;
        }
    }

    static ReportWeek week(int number) {
        return ReportWeek.parse("%d-W%02d".formatted(YEAR, number));
    }

    /**
     * One submission per (task, unit) for each week in [from, to], on the week's Tuesday 10:00 Shanghai.
     * Percent grows through the year; in each week one pair in ten reports 受阻 and one in twenty 已完成,
     * so summaries have changes, completions and red lights.
     */
    static int writeWeeks(Plan plan, DynamoProgressRepository progress, int from, int to) throws Exception {
        List<Submission> all = new ArrayList<>();
        for (int w = from; w <= to; w++) {
            Instant at = week(w).monday().plusDays(1).atTime(2, 0).toInstant(ZoneOffset.UTC);
            int pair = 0;
            for (PlanTask task : plan.tasks()) {
                for (String unitId : task.unitIds()) {
                    pair++;
                    ProgressStatus status = (pair + w) % 10 == 0 ? ProgressStatus.BLOCKED
                            : (pair + w) % 20 == 5 ? ProgressStatus.DONE : ProgressStatus.IN_PROGRESS;
                    int percent = status == ProgressStatus.DONE ? 100 : Math.min(95, 2 * w + pair % 7);
                    all.add(SubmissionBuilder.submission(task.id(), unitId).year(YEAR).key("w" + w).status(status, percent)
                            .progress("第" + w + "周推进情况").problems(status == ProgressStatus.BLOCKED ? "资金未到位" : null)
                            .reporter("张三").at(at).build());
                }
            }
        }
        AlertScanBenchmark.recordInParallel(progress, all);
        return all.size();
    }

    private WeeklySummaryBenchmark() {
    }
}
