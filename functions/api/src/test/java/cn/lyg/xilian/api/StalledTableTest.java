package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.FaultProxy;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import cn.lyg.xilian.testkit.aws.LambdaSerialization;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stalled table must not hang a request (issue 10): the API function, invoked with payload 2.0 events,
 * its DynamoDB behind a {@link FaultProxy} in front of its own dynalite. With the default SDK timeouts
 * (attempt 3 s, call 8 s: {@link DynamoDbSettings}) the user gets a 503 {@code STORAGE_UNAVAILABLE} within
 * {@link #BOUND} (documented in README: API Gateway gives up after 30 s, the function after 30 s), and the
 * same Idempotency-Key afterwards is stored once or answered as a replay. Prints its figures.
 */
class StalledTableTest {

    /** apiCallTimeout (8 s) plus the work around the stalled call; API Gateway's limit is 30 s. */
    static final Duration BOUND = Duration.ofSeconds(10);
    static final String JSON = "{\"status\":\"受阻\",\"percent\":30,\"progress\":\"故障测试\",\"problems\":\"数据服务停顿\"}";

    static Dynalite dynalite;
    static FaultProxy proxy;
    static ApplicationContext ctx;
    static ApiHandler handler;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        dynalite = Dynalite.start(null); // its own process: this test freezes it
        proxy = FaultProxy.to(dynalite.endpoint());
        FunctionFixture function = FunctionFixture.start(proxy.endpoint(), "stall", Map.of());
        ctx = function.ctx();
        handler = function.handler();
        token = ctx.getBean(Credentials.class).issue(Role.UNIT, "park-huiyu", null).token();
    }

    @AfterAll
    static void stop() {
        signal("CONT");
        if (ctx != null) {
            ctx.close();
        }
        proxy.close();
        dynalite.close();
    }

    @Test
    void theConfiguredTimeoutsAreTheDocumentedDefaults() {
        DynamoDbSettings settings = ctx.getBean(DynamoDbSettings.class);
        assertThat(settings.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.apiCallTimeout()).isEqualTo(Duration.ofSeconds(8)).isLessThan(BOUND);
    }

    /** dynalite frozen (SIGSTOP): connections are accepted by the kernel, nothing is answered. */
    @Test
    void aFrozenTableAnswers503WithinTheBoundAndTheRetryIsStoredOnce() {
        Map<String, String> h = headers("stall-frozen-0001");
        String session = signIn();
        signal("STOP");
        Timed json;
        Timed page;
        try {
            json = timed(() -> submit(h));
            page = timed(() -> call(HttpApiEvent.get("/tasks/2.2").cookieHeader(session)));
        } finally {
            signal("CONT");
        }
        HttpApiResponse retried = submit(h);
        HttpApiResponse again = submit(h);
        long stored = storedWithKey("stall-frozen-0001");
        System.out.printf("[fault: frozen table] requests tried 4 (2 while frozen); answers: JSON %d in %d ms, "
                        + "page %d in %d ms, retry %d, second retry %d; items stored with the key: %d; emails sent: 0%n",
                json.response.status(), json.millis, page.response.status(), page.millis,
                retried.status(), again.status(), stored);

        assertThat(json.response.status()).isEqualTo(503);
        assertThat(json.response.text()).contains("\"code\":\"STORAGE_UNAVAILABLE\"").contains("数据服务暂时不可用");
        assertThat(json.response.header("retry-after").orElse(null)).isEqualTo("5");
        assertThat(json.millis).isLessThan(BOUND.toMillis());
        assertThat(page.response.status()).isEqualTo(503);
        assertThat(page.response.header("content-type").orElse("")).startsWith("text/html");
        assertThat(page.response.text()).contains("数据服务暂时不可用").contains("STORAGE_UNAVAILABLE");
        assertThat(page.millis).isLessThan(BOUND.toMillis());
        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).contains("\"replayed\":true");
        assertThat(stored).isEqualTo(1);
    }

    /** The write reaches the table, its answer never comes back (and neither do the SDK's retries'). */
    @Test
    void aWriteWhoseAnswerIsLostAnswers503AndTheRetryIsAReplay() {
        Map<String, String> h = headers("stall-lost-0001");
        proxy.stall("PutItem", FaultProxy.Fault.STALL_AFTER_FORWARDING, 100);
        Timed json;
        int putsTried;
        try {
            json = timed(() -> submit(h));
            putsTried = proxy.faulted("PutItem");
        } finally {
            proxy.release();
        }
        HttpApiResponse retried = submit(h);
        long stored = storedWithKey("stall-lost-0001");
        System.out.printf("[fault: answer lost after the write] requests tried 2 (PutItem attempts held: %d); "
                        + "answers: %d in %d ms, retry %d %s; items stored with the key: %d; emails sent: 0%n",
                putsTried, json.response.status(), json.millis, retried.status(),
                retried.text().contains("\"replayed\":true") ? "(replay)" : "", stored);

        assertThat(json.response.status()).isEqualTo(503);
        assertThat(json.response.text()).contains("\"code\":\"STORAGE_UNAVAILABLE\"");
        assertThat(json.millis).isLessThan(BOUND.toMillis());
        assertThat(putsTried).as("the SDK retried the attempt within the call timeout").isGreaterThanOrEqualTo(2);
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.text()).contains("\"replayed\":true");
        assertThat(stored).isEqualTo(1);
    }

    /** A table that is not there (deleted, wrong name): 503 at once, not a 500. */
    @Test
    void aMissingTableAnswers503() {
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", Dynalite.uniqueTableName("never-created"));
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        try (ApplicationContext missing = ApplicationContext.builder().properties(p).environments("function").start()) {
            ApiHandler onMissingTable = new ApiHandler(missing);
            APIGatewayV2HTTPEvent event = LambdaSerialization.read(HttpApiEvent.get("/api/v1/tasks")
                    .header("authorization", "Bearer " + token).toJson(), APIGatewayV2HTTPEvent.class);
            Timed answer = timed(() -> HttpApiResponse.parse(LambdaSerialization.write(
                    onMissingTable.handleRequest(event, new MockLambdaContext()))));
            System.out.printf("[fault: missing table] requests tried 1; answer %d in %d ms; items stored 0; emails sent 0%n",
                    answer.response.status(), answer.millis);
            assertThat(answer.response.status()).isEqualTo(503);
            assertThat(answer.response.text()).contains("\"code\":\"STORAGE_UNAVAILABLE\"");
            assertThat(answer.millis).isLessThan(BOUND.toMillis());
        }
    }

    /** The sign-in a browser makes (the link's confirmation page posts the token); returns the session cookie. */
    static String signIn() {
        HttpApiResponse login = call(HttpApiEvent.post("/login").form("token=" + token)
                .header("origin", "https://abc123def4.execute-api.cn-north-1.amazonaws.com.cn")
                .header("sec-fetch-site", "same-origin"));
        assertThat(login.status()).as(login.text()).isEqualTo(303);
        return login.cookies().stream().filter(c -> !c.contains("Max-Age=0")).findFirst().orElseThrow().split(";", 2)[0];
    }

    static Map<String, String> headers(String key) {
        return Map.of("authorization", "Bearer " + token, "idempotency-key", key);
    }

    static HttpApiResponse submit(Map<String, String> headers) {
        HttpApiEvent e = HttpApiEvent.post("/api/v1/tasks/2.2/progress").json(JSON);
        for (var h : headers.entrySet()) {
            e = e.header(h.getKey(), h.getValue());
        }
        return call(e);
    }

    /** As API Gateway sends the event and reads the answer (the managed runtime's serializer both ways). */
    static HttpApiResponse call(HttpApiEvent e) {
        return FunctionFixture.invoke(handler, e);
    }

    static long storedWithKey(String key) {
        return ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.2").stream()
                .filter(s -> s.idempotencyKey().equals(key)).count();
    }

    record Timed(HttpApiResponse response, long millis) {
    }

    static Timed timed(java.util.function.Supplier<HttpApiResponse> call) {
        long t0 = System.nanoTime();
        HttpApiResponse r = call.get();
        return new Timed(r, (System.nanoTime() - t0) / 1_000_000);
    }

    static void signal(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(dynalite.pid())).inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
