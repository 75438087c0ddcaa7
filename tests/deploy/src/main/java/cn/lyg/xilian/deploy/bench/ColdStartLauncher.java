package cn.lyg.xilian.deploy.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import cn.lyg.xilian.api.ApiHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One cold start, measured inside the JVM: from JVM start (RuntimeMXBean start time) to the first answered
 * event that read DynamoDB. Used by infra/bin/bench-coldstart, one fresh JVM per run; not a test.
 *
 * <pre>ColdStartLauncher api|page|plain &lt;dynamodb endpoint&gt; &lt;table&gt; [&lt;bearer token&gt;]</pre>
 * {@code api}: the deployed handler class (its own context from the environment, as in Lambda) with
 * GET /api/v1/units (credential check = GetItem, plan = Query). {@code plain}: the framework-free floor,
 * a DynamoDbClient and one GetItem of the plan header. {@code page}: the first HTML page, as a browser gets it
 * after the sign-in link: POST /login with the token, then GET /tasks/1.1 with the session cookie; adds
 * {@code page-ms=…}, the task page's own request (its first render included). Prints {@code jvm-to-main=… total=… main-cpu=… status=…} in
 * ms; {@code main-cpu} is the CPU time of the main thread, which other processes on a loaded machine disturb far
 * less than the wall time (JIT and GC threads are not in it, nor the API's second init thread); {@code process-cpu}
 * that of all the JVM's threads (the whole work, JIT and GC included).
 */
public final class ColdStartLauncher {

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        String status = switch (args[0]) {
            case "api" -> api(args[3]);
            case "page" -> page(args[3]);
            case "plain" -> plain(URI.create(args[1]), args[2]);
            default -> throw new IllegalArgumentException(args[0]);
        };
        long done = System.currentTimeMillis();
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf("jvm-to-main=%d total=%d main-cpu=%d process-cpu=%d status=%s%n", mainAt - jvmStart,
                done - jvmStart, mainCpu, processCpu, status);
        System.exit(0); // do not wait for non-daemon threads of the context
    }

    static String api(String token) {
        ApiHandler handler = new ApiHandler(); // the deployed handler class (template.yaml)
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath("/api/v1/units").withRawQueryString("")
                .withHeaders(Map.of("authorization", "Bearer " + token, "host", "bench.example.cn",
                        "x-forwarded-proto", "https"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/api/v1/units").withProtocol("HTTP/1.1").withSourceIp("10.0.0.1").build())
                        .withRequestId("bench").withStage("$default").build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context());
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("status " + response.getStatusCode() + ": " + response.getBody());
        }
        return String.valueOf(response.getStatusCode());
    }

    static String page(String token) {
        ApiHandler handler = new ApiHandler();
        APIGatewayV2HTTPResponse login = handler.handleRequest(event("POST", "/login",
                Map.of("content-type", "application/x-www-form-urlencoded"), List.of(),
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), context());
        if (login.getStatusCode() != 303 || login.getCookies() == null || login.getCookies().isEmpty()) {
            throw new IllegalStateException("sign-in: status " + login.getStatusCode() + ": " + login.getBody());
        }
        String cookie = login.getCookies().get(0).split(";", 2)[0];
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse page = handler.handleRequest(event("GET", "/tasks/1.1", Map.of(), List.of(cookie),
                null), context());
        long pageMs = (System.nanoTime() - start) / 1_000_000;
        if (page.getStatusCode() != 200 || !page.getBody().contains("<h1>任务 1.1</h1>")) {
            throw new IllegalStateException("task page: status " + page.getStatusCode());
        }
        return page.getStatusCode() + " page-ms=" + pageMs;
    }

    /** A payload 2.0 request as API Gateway passes it (cookies in their own field). */
    static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> headers, List<String> cookies,
                                       String body) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(Map.of("host", "bench.example.cn", "x-forwarded-proto", "https"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString("")
                .withHeaders(all).withCookies(cookies.isEmpty() ? null : cookies).withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath(path).withProtocol("HTTP/1.1").withSourceIp("10.0.0.1").build())
                        .withRequestId("bench").withStage("$default").build())
                .build();
    }

    static String plain(URI endpoint, String table) {
        DynamoDbClient client = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        boolean found = client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("PLAN#2026"),
                "sk", AttributeValue.fromS("META")))).hasItem();
        if (!found) {
            throw new IllegalStateException("plan header not found");
        }
        return "200";
    }

    /** A Lambda Context whose methods answer null/0: the handler only passes it along. */
    static Context context() {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, a) -> method.getReturnType() == int.class ? 0 : null);
    }
}
