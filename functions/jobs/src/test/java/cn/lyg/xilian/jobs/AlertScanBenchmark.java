package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.RunAlertScan;
import cn.lyg.xilian.core.alert.ScanReport;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.dynamodb.DynamoAlertRepository;
import cn.lyg.xilian.dynamodb.DynamoCatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.email.EmailSettings;
import cn.lyg.xilian.email.MimeAlertMailRenderer;
import cn.lyg.xilian.email.OutboxMailTransport;
import cn.lyg.xilian.testkit.Dynalite;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Daily scan over the whole 2026 plan with one week of history vs a full year (every unit reporting
 * weekly): wall time of the scan and DynamoDB items read (items returned by Query/Get/BatchGet/Scan,
 * counted by an ExecutionInterceptor on the client). Both tables end with the same latest states, and
 * each is scanned once on fresh alert state, so the only difference is the history. Not a test: run it
 * with the command in functions/jobs/README.md. Prints a small table.
 */
public final class AlertScanBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 21); // a Monday, a sending day
    static final int WEEKS_IN_YEAR = 52;

    public static void main(String[] args) throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Plan plan = JobsTestApp.plan2026();
        Path outbox = Files.createTempDirectory("bench-outbox-");
        try (Dynalite dynalite = Dynalite.start(null)) {
            Result week = run(dynalite, plan, 1, outbox.resolve("one-week"));
            Result year = run(dynalite, plan, WEEKS_IN_YEAR, outbox.resolve("full-year"));
            System.out.printf("pairs (task, unit): %d%n", plan.tasks().stream().mapToInt(t -> t.unitIds().size()).sum());
            System.out.printf("%-10s %12s %12s %14s %12s %10s %8s%n", "history", "submissions", "scan ms",
                    "items read", "requests", "found", "emails");
            for (Result r : List.of(week, year)) {
                System.out.printf("%-10s %12d %12d %14d %12d %10d %8d%n", r.label, r.submissions, r.scanMillis,
                        r.itemsRead, r.requests, r.found, r.emails);
            }
            System.out.printf("items read growth: %.1f%% (target <= 20%%); scan time ratio %.2f%n",
                    100.0 * (year.itemsRead - week.itemsRead) / week.itemsRead,
                    (double) year.scanMillis / Math.max(1, week.scanMillis));
        }
    }

    record Result(String label, int submissions, long scanMillis, long itemsRead, long requests, int found, int emails) {
    }

    static Result run(Dynalite dynalite, Plan plan, int weeks, Path outbox) throws Exception {
        Counter counter = new Counter();
        DynamoDbSettings settings = DynamoDbSettings.of(Dynalite.uniqueTableName("bench-" + weeks), dynalite.endpoint(),
                "cn-north-1");
        try (DynamoDbClient client = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .endpointOverride(settings.endpointOverride().orElseThrow())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build()) {
            new TableCreator(client).createIfAbsent(settings.tableName());
            DynamoCatalogRepository catalog = new DynamoCatalogRepository(client, settings);
            DynamoProgressRepository progress = new DynamoProgressRepository(client, settings);
            catalog.load(plan);
            int submissions = writeHistory(plan, progress, weeks);

            Clock clock = Clock.fixed(AS_OF.atTime(0, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            ContactDirectory contacts = new ContactDirectory() {
                public List<String> unitContacts(String unitId) {
                    return List.of(unitId + "@example.cn");
                }

                public List<String> coordinators() {
                    return List.of("fgw@example.cn");
                }
            };
            RunAlertScan scan = new RunAlertScan(catalog, progress, new DynamoAlertRepository(client, settings),
                    contacts, new MimeAlertMailRenderer(new EmailSettings("noreply@example.cn", "锡连帮扶合作进度通",
                    "https://xilian.example.cn", "xilian.example.cn"), clock), new OutboxMailTransport(outbox, clock),
                    new AlertRules(new AlertEvaluator(), AlertSettings.defaults(), WorkCalendar.fromClasspath()),
                    RunAlertScan.CoordinatorCopy.ALL, clock);

            counter.reset();
            long start = System.nanoTime();
            ScanReport report = scan.run(plan.year(), AS_OF);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Result(weeks == 1 ? "1 week" : weeks + " weeks", submissions, millis, counter.items.get(),
                    counter.requests.get(), report.found(), report.delivered().size());
        }
    }

    /**
     * One submission per (task, unit) per week, oldest first, the last one in the week before AS_OF. The
     * latest week is the same in both runs (same keys, times and statuses), so states are identical.
     */
    static int writeHistory(Plan plan, DynamoProgressRepository progress, int weeks) throws Exception {
        List<Submission> all = new ArrayList<>();
        int pair = 0;
        for (PlanTask task : plan.tasks()) {
            for (String unitId : task.unitIds()) {
                pair++;
                for (int w = weeks; w >= 1; w--) {
                    Instant at = AS_OF.minusWeeks(w).atTime(2, 0).toInstant(ZoneOffset.UTC);
                    int percent = Math.max(0, 90 - 2 * (w - 1)) - (pair % 5) * 10;
                    ProgressStatus status = w == 1 && pair % 10 == 0 ? ProgressStatus.BLOCKED : ProgressStatus.IN_PROGRESS;
                    all.add(SubmissionBuilder.submission(task.id(), unitId).year(plan.year()).key("w" + w)
                            .status(status, Math.max(0, percent)).progress("第" + w + "周推进情况")
                            .problems(status == ProgressStatus.BLOCKED ? "资金未到位" : null).reporter("张三").at(at).build());
                }
            }
        }
        recordInParallel(progress, all);
        return all.size();
    }

    /** Writing history is set-up, not measured: four writers over slices of the list. */
    static void recordInParallel(ProgressRepository progress, List<Submission> all) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            int slice = Math.max(1, (all.size() + 3) / 4);
            for (int i = 0; i < all.size(); i += slice) {
                List<Submission> part = all.subList(i, Math.min(all.size(), i + slice));
                done.add(pool.submit(() -> part.forEach(progress::record)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Counts requests and the items DynamoDB returned to reads. */
    static final class Counter implements ExecutionInterceptor {
        final AtomicLong items = new AtomicLong();
        final AtomicLong requests = new AtomicLong();

        void reset() {
            items.set(0);
            requests.set(0);
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            requests.incrementAndGet();
            SdkResponse response = context.response();
            long n = switch (response) {
                case QueryResponse q -> q.count();
                case ScanResponse s -> s.count();
                case GetItemResponse g -> g.hasItem() ? 1 : 0;
                case BatchGetItemResponse b -> b.responses().values().stream().mapToLong(List::size).sum();
                default -> 0;
            };
            items.addAndGet(n);
        }
    }
}
