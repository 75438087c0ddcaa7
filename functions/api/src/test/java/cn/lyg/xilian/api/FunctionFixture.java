package cn.lyg.xilian.api;

import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.AwsCallRecorder;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import cn.lyg.xilian.testkit.aws.LambdaSerialization;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API function as its tests start it: the deployed handler class on a "function" context (as Lambda builds
 * it), a fresh table on the given DynamoDB endpoint, and the 2026 plan loaded.
 */
record FunctionFixture(ApplicationContext ctx, ApiHandler handler, Plan plan) implements AutoCloseable {

    static FunctionFixture start(URI dynamoEndpoint, String tablePrefix, Map<String, Object> extra) throws Exception {
        String table = Dynalite.uniqueTableName(tablePrefix);
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynamoEndpoint.toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        p.putAll(extra);
        ApplicationContext ctx = ApplicationContext.builder().properties(p).environments("function").start();
        if (p.get("test.today") != null) {
            // The function runs from its AOT analysis, which knows no test bean: the fixed clock replaces the
            // CoreFactory's as a registered singleton, before the first invocation creates the beans that use it.
            ctx.registerSingleton(java.time.Clock.class, java.time.Clock.fixed(java.time.LocalDate.parse(
                    p.get("test.today").toString()).atTime(10, 0).atZone(cn.lyg.xilian.core.PlanTime.ZONE).toInstant(),
                    java.time.ZoneOffset.UTC));
        }
        ApiHandler handler = new ApiHandler(ctx);
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            Plan plan = CatalogJson.read(in);
            ctx.getBean(CatalogRepository.class).load(plan);
            return new FunctionFixture(ctx, handler, plan);
        }
    }

    /**
     * The 2027 plan as a test builds it beside 2026 (no 2027 notice exists yet): the 2026 catalog with every "2026"
     * of its JSON (year, title, document number, dates, deadlines) made "2027".
     */
    static Plan plan2027() throws IOException {
        String json = Files.readString(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json")).replace("2026", "2027");
        return CatalogJson.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * One invocation as API Gateway makes it: the event's JSON read by the managed runtime's own serializer, handled,
     * the answer written back to JSON and read as API Gateway reads it (payload 2.0: no multiValueHeaders, every
     * Set-Cookie in {@code cookies}). The AWS calls it makes are recorded for {@link #assertEveryAwsCallDeclared()}.
     */
    static HttpApiResponse invoke(ApiHandler handler, HttpApiEvent e) {
        APIGatewayV2HTTPEvent event = LambdaSerialization.read(e.toJson(), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse r = AwsCallRecorder.during(() -> handler.handleRequest(event, new MockLambdaContext()));
        HttpApiResponse answer = HttpApiResponse.parse(LambdaSerialization.write(r));
        assertThat(answer.hadMultiValueHeaders()).as("multiValueHeaders (format 2.0 ignores them)").isFalse();
        assertThat(answer.header("set-cookie")).as("Set-Cookie belongs in cookies").isEmpty();
        return answer;
    }

    /**
     * A contract test's request as API Gateway shapes it (cookies array, lower-case headers, base64 bodies): the
     * content type goes with the body, {@code fallbackContentType} when the request names none.
     */
    static HttpApiEvent event(String method, String pathAndQuery, Map<String, String> headers, String body,
                              String fallbackContentType) {
        HttpApiEvent e = HttpApiEvent.request(method, pathAndQuery);
        String contentType = fallbackContentType;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("content-type")) {
                contentType = h.getValue();
            } else {
                e.header(h.getKey(), h.getValue());
            }
        }
        if (body != null) {
            e.body(contentType, body.getBytes(StandardCharsets.UTF_8));
        }
        return e;
    }

    /** Every AWS call recorded through {@link #invoke} is declared in functions/api/aws-calls.txt (least privilege). */
    static void assertEveryAwsCallDeclared() throws IOException {
        Set<String> declared = AwsCallRecorder.declared("api");
        assertThat(AwsCallRecorder.recorded()).as("AWS calls made through the handler").isNotEmpty()
                .allSatisfy(call -> assertThat(declared).as("functions/api/aws-calls.txt").contains(call));
    }

    @Override
    public void close() {
        ctx.close();
    }
}
