package cn.lyg.xilian.deploy;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.core.chat.SecretSealer;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.dynamodb.DynamoAuditLog;
import cn.lyg.xilian.dynamodb.DynamoCatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoDirectory;
import cn.lyg.xilian.dynamodb.DynamoCredentialRepository;
import cn.lyg.xilian.dynamodb.DynamoDbClientFactory;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import cn.lyg.xilian.runtime.ApiGatewayFront;
import cn.lyg.xilian.runtime.FunctionSpec;
import cn.lyg.xilian.runtime.Invocation;
import cn.lyg.xilian.runtime.LambdaEmulator;
import cn.lyg.xilian.runtime.RuntimeTools;
import cn.lyg.xilian.runtime.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LocalStack tier, shared by its tests: the template's resources on LocalStack (one stack per tier),
 * the four functions under the Runtime Interface Emulator against LocalStack's endpoints, the stream
 * poller for the SubmissionEventFunction and LocalStack's SES mailbox. {@code sesEndpoint} may differ from
 * LocalStack's (a fault proxy in front of it).
 */
final class LocalStackTier implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

    final URI endpoint;
    final LocalStackStack stack;
    final DynamoDbClient dynamo;
    final DynamoDbSettings settings;
    final DynamoProgressRepository progress;
    final SesMailbox mailbox;
    final Map<String, LambdaEmulator> functions = new LinkedHashMap<>();
    final StreamPoller poller;
    /** The API Gateway (payload 2.0) front of the ApiFunction, when it runs. */
    final ApiGatewayFront front;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;

    LocalStackTier(URI endpoint, String stackName, URI dynamoEndpoint, URI sesEndpoint, List<String> functionIds)
            throws Exception {
        this(endpoint, stackName, dynamoEndpoint, sesEndpoint, functionIds, java.util.function.UnaryOperator.identity());
    }

    /** {@code adjust} changes a function's configuration for one test (e.g. a shorter timeout); say why where used. */
    LocalStackTier(URI endpoint, String stackName, URI dynamoEndpoint, URI sesEndpoint, List<String> functionIds,
                   java.util.function.UnaryOperator<FunctionSpec> adjust) throws Exception {
        this.endpoint = endpoint;
        this.stack = LocalStackStack.deploy(endpoint, stackName, LocalStackStack.testParameters());
        this.settings = DynamoDbSettings.of(stack.tableName(), endpoint, LocalStackStack.REGION.id());
        this.dynamo = DynamoDbClientFactory.client(settings);
        this.progress = new DynamoProgressRepository(dynamo, settings);
        this.mailbox = new SesMailbox(endpoint);
        // the HTTP API is set aside: the front stands in for it, and links in emails point at it
        int frontPort = freePort();
        Map<String, String> resources = new LinkedHashMap<>(stack.physicalIds);
        resources.put("HttpApi", "local");
        SamTemplate.Stage stage = new SamTemplate.Stage(stack.parameters, resources, LocalStackStack.REGION.id(),
                "000000000000");
        Map<String, String> added = new LinkedHashMap<>();
        added.put("XILIAN_DYNAMODB_ENDPOINT", dynamoEndpoint.toString());
        added.put("XILIAN_MAIL_SES_ENDPOINT", sesEndpoint.toString());
        added.put("XILIAN_S3_ENDPOINT", endpoint.toString()); // the stack's evidence bucket is in LocalStack's S3
        // 群机器人: the functions open the robots with the stack's ChatSealingKey (CHAT_KMS_KEY_ID) in LocalStack's KMS
        added.put("XILIAN_KMS_ENDPOINT", endpoint.toString());
        added.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + frontPort);
        SamTemplate template = SamTemplate.read(RuntimeTools.locate().template());
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "lambda-logs"));
        for (String id : functionIds) {
            FunctionSpec spec = adjust.apply(template.function(id, stage).withEnvironment(added));
            // LocalStack's S3 checks the hand-made signatures with the secret it knows for access key "test".
            functions.put(id, LambdaEmulator.builder(spec).region(LocalStackStack.REGION.id()).credentials("test", "test")
                    .logFile(java.nio.file.Path.of("target", "lambda-logs", stackName + "-" + id + ".log")).start());
        }
        this.front = functions.containsKey("ApiFunction")
                ? ApiGatewayFront.start(ApiGatewayFront.of(functions.get("ApiFunction")), frontPort, null) : null;
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(LocalStackStack.REGION)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(LocalStackStack.REGION)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        LambdaEmulator submissionEvents = functions.get("SubmissionEventFunction");
        this.poller = submissionEvents == null ? null : newPoller(submissionEvents::invoke);
    }

    /** A poller of the table's stream (from TRIM_HORIZON) with the template's settings, calling {@code function}. */
    StreamPoller newPoller(java.util.function.Function<String, Invocation> function) throws java.io.IOException {
        String streamArn = dynamo.describeTable(b -> b.tableName(stack.tableName())).table().latestStreamArn();
        StreamPoller.Settings streamSettings = StreamPoller.Settings.fromTemplate("SubmissionEventFunction");
        return new StreamPoller(streams, streamArn, LocalStackStack.REGION.id(), streamSettings, function, sqs,
                stack.physicalIds.get(streamSettings.onFailureLogicalId()));
    }

    /** A client of LocalStack's KMS in the stack's region (the functions' AWS_REGION), for the ChatSealingKey. */
    KmsClient kms() {
        return KmsClient.builder().endpointOverride(endpoint).region(LocalStackStack.REGION)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** 群机器人's use case (what a coordinator's 保存 runs) over the stack's table, sealing with {@code sealer}. */
    ConfigureRobots configureRobots(SecretSealer sealer) {
        DynamoDirectory directory = new DynamoDirectory(dynamo, settings);
        return new ConfigureRobots(new UnitDirectory(directory, UnitRegistry.load(), unitId -> List.of()), directory,
                sealer, new DynamoAuditLog(dynamo, settings), Clock.systemUTC());
    }

    /** The plan, as the operator loads it (infra/bin/load-plan), and a unit credential. */
    String loadPlanAndIssue(String unitId) throws Exception {
        try (InputStream plan = Files.newInputStream(Template.ROOT.resolve("infra/plans/plan-2026.json"))) {
            new DynamoCatalogRepository(dynamo, settings).load(CatalogJson.read(plan));
        }
        return new Credentials(new DynamoCredentialRepository(dynamo, settings), Clock.systemUTC())
                .issue(Role.UNIT, unitId, Duration.ofDays(1)).token();
    }

    /** The schedule's Input from template.yaml with {@code asOf} added, as Scheduler would deliver a re-run. */
    static String schedulerPayload(String functionLogicalId, LocalDate asOf) throws Exception {
        Map<String, Object> events = Template.map(Template.map(Template.get().resource(functionLogicalId), "Properties"), "Events");
        for (Object e : events.values()) {
            if ("ScheduleV2".equals(((Map<?, ?>) e).get("Type"))) {
                Object input = Template.map(e, "Properties").get("Input");
                ObjectNode payload = (ObjectNode) JSON.readTree(input == null ? "{}" : String.valueOf(input));
                payload.put("asOf", asOf.toString());
                return payload.toString();
            }
        }
        throw new IllegalStateException(functionLogicalId + " has no ScheduleV2 event");
    }

    /** The next working day (Mon–Fri) from today in Asia/Shanghai, for the daily scan. */
    static LocalDate scanDay() {
        LocalDate d = LocalDate.now(SHANGHAI);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The Monday after today: its summary covers the week that holds today's submissions. */
    static LocalDate summaryDay() {
        return LocalDate.now(SHANGHAI).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** Drains the stream until at least {@code records} were delivered or the time is up. */
    int awaitStream(int records, Duration timeout) throws InterruptedException {
        return awaitStream(poller, records, timeout);
    }

    static int awaitStream(StreamPoller poller, int records, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int delivered = 0;
        while (true) {
            delivered += poller.drain();
            if (delivered >= records || System.nanoTime() > deadline) {
                return delivered;
            }
            Thread.sleep(300);
        }
    }

    /** The first {@code count} task ids of the unit behind {@code token}, from the JSON API through the front. */
    List<String> unitTasks(String token, int count) throws Exception {
        java.net.http.HttpResponse<String> tasks = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(front.baseUrl() + "/api/v1/tasks"))
                        .header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (tasks.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/tasks: " + tasks.statusCode() + " " + tasks.body());
        }
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([0-9.]+)\"").matcher(tasks.body());
        while (m.find() && ids.size() < count) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    /** A 受阻 report through the front's JSON API; returns the HTTP status. */
    int submitBlocked(String token, String taskId, String idempotencyKey, String progress) throws Exception {
        return submit(token, taskId, idempotencyKey, "{\"status\":\"受阻\",\"percent\":5,\"progress\":\""
                + progress + "\",\"problems\":\"资金未到位\"}");
    }

    /** A report (JSON body) through the front's JSON API under {@code idempotencyKey}; returns the HTTP status. */
    int submit(String token, String taskId, String idempotencyKey, String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(front.baseUrl() + "/api/v1/tasks/" + taskId + "/progress"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A coordinator's credential (市发改委), as the operator issues it. */
    String issueCoordinator() {
        return new Credentials(new DynamoCredentialRepository(dynamo, settings), Clock.systemUTC())
                .issue(Role.COORDINATOR, null, Duration.ofDays(1)).token();
    }

    /**
     * Signs in through the front as a browser does (the sign-in link's page, then its form posted same-origin);
     * returns the session cookie ({@code name=value}).
     */
    String signIn(String token) throws Exception {
        java.net.http.HttpClient browser = browser();
        URI base = URI.create(front.baseUrl() + "/");
        java.net.http.HttpResponse<String> link = browser.send(java.net.http.HttpRequest.newBuilder(
                base.resolve("login?token=" + token)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (link.statusCode() != 200) {
            throw new IllegalStateException("the sign-in link's page: HTTP " + link.statusCode());
        }
        java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", front.baseUrl())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + java.net.URLEncoder.encode(token,
                        java.nio.charset.StandardCharsets.UTF_8))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303) {
            throw new IllegalStateException("sign-in: HTTP " + login.statusCode() + " " + login.body());
        }
        return login.headers().allValues("set-cookie").stream().filter(c -> !c.contains("Max-Age=0"))
                .findFirst().orElseThrow().split(";", 2)[0];
    }

    /** The 受阻 reports a stream test starts from: one per task, each under its own idempotency key. */
    record BlockedReports(List<String> taskIds, List<String> keys) {
    }

    /**
     * Loads the plan, signs in as {@code unitId} and reports 受阻 on {@code count} of its tasks through the front
     * (keys {@code keyPrefix-<run>-<n>}), after clearing the mailbox; fails unless each report is stored (201).
     */
    BlockedReports reportBlockedOnTasks(String unitId, int count, String keyPrefix, String progress) throws Exception {
        String token = loadPlanAndIssue(unitId);
        List<String> taskIds = unitTasks(token, count);
        if (taskIds.size() != count) {
            throw new IllegalStateException(unitId + " has " + taskIds.size() + " tasks, not " + count);
        }
        mailbox.clear();
        List<String> keys = new java.util.ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (String taskId : taskIds) {
            String key = keyPrefix + "-" + run + "-" + keys.size();
            int status = submitBlocked(token, taskId, key, progress);
            if (status != 201) {
                throw new IllegalStateException("report on " + taskId + ": HTTP " + status + ", expected 201");
            }
            keys.add(key);
        }
        return new BlockedReports(taskIds, keys);
    }

    /** For each task id, once per coordinators' email that names it (a task alerted twice appears twice). */
    static List<String> alertedTasks(List<SesMailbox.Mail> mails, List<String> taskIds, String coordinator) {
        List<String> alerted = new java.util.ArrayList<>();
        for (String taskId : taskIds) {
            mails.stream().filter(mail -> mail.isTo(coordinator)).filter(mail -> mail.text().contains(taskId))
                    .forEach(mail -> alerted.add(taskId));
        }
        return alerted;
    }

    /** An HTTP client for the front that shows redirects (the caller sends its session cookie itself). */
    static java.net.http.HttpClient browser() {
        return java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (front != null) {
            front.close();
        }
        functions.values().forEach(LambdaEmulator::close);
        streams.close();
        sqs.close();
        dynamo.close();
    }
}
