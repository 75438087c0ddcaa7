package cn.lyg.xilian.local;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.web.PlanCache;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Submissions through the HTTP API at {@code CLIENTS} concurrent clients against local dynalite, with
 * dynalite's raw PutItem rate measured in the same run as the reference (issue "Progress submission" §8).
 * Not a test: infra/bin/bench-submit runs it and it prints figures.
 *
 * <ol>
 *   <li>Starts its own dynalite (in memory) and the real local application (Netty on a free port, environment
 *   "local", fresh table, the 2026 plan, dev sign-in links).</li>
 *   <li>Reference: raw PutItem with the application's own {@link DynamoDbClient} bean (url-connection client),
 *   CLIENTS threads, items copied from a stored submission history item (same size), into a second table of
 *   the same definition (same indexes), warm-up first.</li>
 *   <li>API: CLIENTS clients (java.net.http, HTTP/1.1 keep-alive, one connection each), each with the sign-in
 *   token of one unit and posting to that unit's own tasks with distinct Idempotency-Keys, warm-up first.
 *   Every response must be 201; afterwards every key sent must be stored (submittedBetween).</li>
 *   <li>DynamoDB calls per submission, counted by an SDK global ExecutionInterceptor ({@link Calls}, listed in
 *   this module's test resources) and split by thread: the request path vs the local stand-in of the table
 *   stream (thread {@link LocalStream#THREAD}, a separate Lambda in AWS).</li>
 * </ol>
 * Settings (system properties): bench.clients (8), bench.items (2000), bench.warmup (400).
 */
public final class SubmitBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int ITEMS = Integer.getInteger("bench.items", 2000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 400);

    public static void main(String[] args) throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Path data = Files.createTempDirectory("bench-submit-");
        Path root = Path.of(System.getProperty("xilian.root", ".")).toAbsolutePath().normalize();
        try (Dynalite dynalite = Dynalite.start(null)) {
            Map<String, Object> p = new HashMap<>();
            p.put("micronaut.server.port", -1);
            p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
            p.put("xilian.dynamodb.table", Dynalite.uniqueTableName("bench-submit"));
            p.put("xilian.local.data-dir", data.toString());
            p.put("xilian.local.catalog", root.resolve("infra/plans/plan-2026.json").toString());
            p.put("xilian.contacts.coordinators", List.of("coordinator@ndrc.example.cn"));
            p.put("aws.region", "cn-north-1");
            // Throughput, not abuse: lift the per-credential cap (the count on the credential item still runs: it is
            // the token's check too, one UpdateItem, counted).
            p.put("xilian.web.submissions-per-minute", Integer.MAX_VALUE);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p, LocalApplication.ENVIRONMENT)) {
                run(server, data);
            }
        }
    }

    static void run(EmbeddedServer server, Path data) throws Exception {
        ApplicationContext context = server.getApplicationContext();
        Plan plan = context.getBean(PlanCache.class).plan();
        DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
        String table = context.getProperty("xilian.dynamodb.table", String.class).orElseThrow();

        // The CLIENTS units with the most tasks, each with its dev sign-in token.
        Map<String, String> tokens = devTokens(data.resolve("dev-credentials.txt"));
        List<Unit> units = plan.units().stream()
                .filter(u -> tokens.containsKey(u.id()) && !plan.tasksFor(u.id()).isEmpty())
                .sorted(Comparator.comparingInt((Unit u) -> plan.tasksFor(u.id()).size()).reversed())
                .limit(CLIENTS).toList();
        if (units.size() < CLIENTS) {
            throw new IllegalStateException("only " + units.size() + " units with tasks and a token");
        }
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Unit u = units.get(i);
            clients.add(new Client(i, u.id(), tokens.get(u.id()), plan.tasksFor(u.id()).stream().map(PlanTask::id).toList(),
                    server.getURI()));
        }
        Instant from = Instant.now().minusSeconds(1);

        // One submission to copy a real history item from (the raw puts get the same size).
        clients.getFirst().post("sample");
        Client first = clients.getFirst();
        Map<String, AttributeValue> historyItem = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .consistentRead(true).key(Map.of(
                        "pk", AttributeValue.fromS(Keys.taskHistoryPk(plan.year(), first.tasks.getFirst())),
                        "sk", AttributeValue.fromS(Keys.submissionSk(first.unitId, first.sent.getFirst())))).build()).item();
        if (historyItem == null || historyItem.isEmpty()) {
            throw new IllegalStateException("sample submission not found");
        }
        int itemBytes = historyItem.toString().getBytes(StandardCharsets.UTF_8).length;

        // 1. Reference: raw PutItem, same client bean, same table definition.
        String rawTable = table + "-raw";
        new TableCreator(dynamo).createIfAbsent(rawTable);
        Phase rawWarm = raw(dynamo, rawTable, historyItem, "w", WARMUP);
        Calls.start();
        Phase rawRun = raw(dynamo, rawTable, historyItem, "m", ITEMS);
        Map<String, Long> rawCalls = Calls.stop();

        // 2. API.
        Phase apiWarm = api(clients, "w", WARMUP);
        Calls.start();
        Phase apiRun = api(clients, "m", ITEMS);
        Map<String, Long> apiCalls = Calls.stop();

        // 3. Nothing lost: every key sent is stored.
        int sentTotal = clients.stream().mapToInt(c -> c.sent.size()).sum();
        Set<String> sentKeys = new HashSet<>();
        clients.forEach(c -> c.sent.forEach(k -> sentKeys.add(c.unitId + "/" + k)));
        List<Submission> stored = context.getBean(ProgressRepository.class)
                .submittedBetween(plan.year(), from, Instant.now().plusSeconds(1));
        Set<String> storedKeys = new HashSet<>();
        stored.forEach(s -> storedKeys.add(s.unitId() + "/" + s.idempotencyKey()));
        boolean allStored = storedKeys.containsAll(sentKeys) && stored.size() == sentTotal;
        int non201 = clients.stream().mapToInt(c -> c.non201.get()).sum() + rawWarm.errors + apiWarm.errors;

        long requestPathCalls = 0;
        long streamCalls = 0;
        Map<String, Long> perOperation = new TreeMap<>();
        for (Map.Entry<String, Long> e : apiCalls.entrySet()) {
            if (e.getKey().startsWith(Calls.STREAM)) {
                streamCalls += e.getValue();
            } else {
                requestPathCalls += e.getValue();
            }
            perOperation.merge(e.getKey(), e.getValue(), Long::sum);
        }
        long writes = perOperation.entrySet().stream()
                .filter(e -> !e.getKey().startsWith(Calls.STREAM) && Calls.isWrite(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();

        if (streamCalls == 0) {
            // Every submission is an INSERT the stand-in handles with DynamoDB reads; none means it is not running
            // (its error is in the log above), and figures without it would understate the load.
            // Thrown, not System.exit: the try-with-resources in main stops dynalite and the server first.
            throw new IllegalStateException(
                    "FAILED: the local stream stand-in made no DynamoDB call during the run; no figures");
        }
        System.out.printf("java %s, %d cores (shared), dynalite in memory, %d clients, %d measured after %d warm-up%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), CLIENTS, ITEMS, WARMUP);
        System.out.printf("history item copied for raw puts: ~%d bytes (attribute map as text)%n", itemBytes);
        System.out.printf("raw PutItem (app's client, url-connection): %8.1f puts/s   p50 %6.2f ms   p99 %6.2f ms   calls %s%n",
                rawRun.rate(), rawRun.p(50), rawRun.p(99), rawCalls);
        System.out.printf("API POST /progress:                         %8.1f subm/s   p50 %6.2f ms   p99 %6.2f ms%n",
                apiRun.rate(), apiRun.p(50), apiRun.p(99));
        System.out.printf("API / raw put rate: %.1f %% (target >= 50 %%)%n", 100 * apiRun.rate() / rawRun.rate());
        double n = ITEMS;
        System.out.printf("DynamoDB calls per submission: request path %.2f (writes %.2f), stream stand-in %.2f%n",
                requestPathCalls / n, writes / n, streamCalls / n);
        perOperation.forEach((op, c) -> System.out.printf("    %-32s %6.2f per submission%n", op, c / n));
        System.out.printf("request-path calls/s: %.1f = %.1f %% of the raw put rate; writes/s: %.1f = %.1f %%%n",
                apiRun.rate() * requestPathCalls / n, 100 * apiRun.rate() * requestPathCalls / n / rawRun.rate(),
                apiRun.rate() * writes / n, 100 * apiRun.rate() * writes / n / rawRun.rate());
        System.out.printf("all calls incl. stream stand-in per second: %.1f = %.1f %% of the raw put rate%n",
                apiRun.rate() * (requestPathCalls + streamCalls) / n,
                100 * apiRun.rate() * (requestPathCalls + streamCalls) / n / rawRun.rate());
        System.out.printf("responses not 201: %d; sent %d, stored %d, every key stored: %s%n",
                non201 + apiRun.errors + rawRun.errors, sentTotal, stored.size(), allStored);
        if (!allStored || non201 + apiRun.errors > 0) {
            throw new IllegalStateException("FAILED: a submission was rejected or lost");
        }
    }

    /** Latencies of one phase and its wall time. */
    record Phase(long wallNanos, long[] latencies, int errors) {
        double rate() {
            return latencies.length * 1e9 / wallNanos;
        }

        double p(int percentile) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    static Phase raw(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item, String tag, int count)
            throws Exception {
        return parallel(count, (thread, i) -> {
            Map<String, AttributeValue> copy = new HashMap<>(item);
            String id = tag + "-" + thread + "-" + i;
            copy.put("sk", AttributeValue.fromS(item.get("sk").s() + "-" + id));
            for (String k : List.of("gsi1sk", "gsi2sk")) {
                if (item.containsKey(k)) {
                    copy.put(k, AttributeValue.fromS(item.get(k).s() + "-" + id));
                }
            }
            dynamo.putItem(r -> r.tableName(table).item(copy));
            return true;
        });
    }

    static Phase api(List<Client> clients, String tag, int count) throws Exception {
        return parallel(count, (thread, i) -> clients.get(thread).post(tag + "-" + i));
    }

    interface Op {
        boolean run(int thread, int i) throws Exception;
    }

    /** count operations over CLIENTS threads (count / CLIENTS each), started together. */
    static Phase parallel(int count, Op op) throws Exception {
        int per = count / CLIENTS;
        long[] latencies = new long[per * CLIENTS];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < per; i++) {
                        long s = System.nanoTime();
                        if (!op.run(thread, i)) {
                            errors.incrementAndGet();
                        }
                        latencies[thread * per + i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            return new Phase(System.nanoTime() - start, latencies, errors.get());
        } finally {
            pool.shutdown();
        }
    }

    /** One API client: one unit's token, its own tasks in turn, one keep-alive connection. */
    static final class Client {
        final int index;
        final String unitId;
        final String token;
        final List<String> tasks;
        final URI base;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final List<String> sent = new ArrayList<>();
        final AtomicInteger non201 = new AtomicInteger();
        int next;

        Client(int index, String unitId, String token, List<String> tasks, URI base) {
            this.index = index;
            this.unitId = unitId;
            this.token = token;
            this.tasks = tasks;
            this.base = base;
        }

        boolean post(String suffix) throws Exception {
            String task = tasks.get(next++ % tasks.size());
            String key = "bench-" + index + "-" + suffix;
            String body = "{\"status\":\"推进中\",\"percent\":" + (next % 100)
                    + ",\"progress\":\"已完成项目签约，正在推进土地预审和环评手续，第" + next + "次填报。\""
                    + ",\"problems\":\"用地指标需省级协调\",\"nextSteps\":\"下周召开推进会\""
                    + ",\"reporter\":\"张三\",\"phone\":\"0518-85800000\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/tasks/" + task + "/progress"))
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                non201.incrementAndGet();
                System.err.println("HTTP " + r.statusCode() + " for " + key + ": " + r.body());
                return false;
            }
            sent.add(key);
            return true;
        }
    }

    /** unitId → token from the dev sign-in links file ("name (unitId) http://…/login?token=…"). */
    static Map<String, String> devTokens(Path file) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int open = line.lastIndexOf(" (");
            int at = line.indexOf("token=");
            if (at < 0 || open < 0) {
                continue;
            }
            int close = line.indexOf(')', open);
            tokens.put(line.substring(open + 2, close),
                    URLDecoder.decode(line.substring(at + 6).strip(), StandardCharsets.UTF_8));
        }
        return tokens;
    }

    /**
     * Counts SDK calls by operation while on, as "DynamoDb:PutItem" or, from the local stand-in of the table
     * stream (thread {@link LocalStream#THREAD}), "stream DynamoDb:GetItem". Registered globally through
     * src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors (test class path only).
     */
    public static final class Calls implements ExecutionInterceptor {
        static final String STREAM = "stream ";
        private static final AtomicBoolean ON = new AtomicBoolean();
        private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

        static void start() {
            COUNTS.clear();
            ON.set(true);
        }

        static Map<String, Long> stop() {
            ON.set(false);
            Map<String, Long> out = new TreeMap<>();
            COUNTS.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        static boolean isWrite(String op) {
            return op.endsWith("PutItem") || op.endsWith("UpdateItem") || op.endsWith("DeleteItem")
                    || op.endsWith("BatchWriteItem");
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (ON.get()) {
                String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                if (Thread.currentThread().getName().startsWith(LocalStream.THREAD)) {
                    op = STREAM + op;
                }
                COUNTS.computeIfAbsent(op, k -> new LongAdder()).increment();
            }
        }
    }
}
