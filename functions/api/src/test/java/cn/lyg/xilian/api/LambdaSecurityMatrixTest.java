package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.CatalogJson;
import cn.lyg.xilian.core.port.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.security.SecurityMatrix;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The standing security suite (testkit {@link SecurityMatrix}) through the API function's handler, with events
 * shaped as API Gateway HTTP API sends them (payload 2.0): lower-case header names, cookies only in the
 * {@code cookies} array, {@code x-forwarded-proto: https}, urlencoded bodies base64-encoded.
 */
@ExtendWith(DynaliteExtension.class)
@org.junit.jupiter.api.Disabled("Waits for the payload-2.0 `cookies` adapter the lead is adding in functions/api: "
        + "micronaut-aws 4.11.0 ignores the array, so every signed-in page answers 401 here. Enable on merge.")
class LambdaSecurityMatrixTest extends SecurityMatrix {

    static final String HOST = "xilian.example.cn";
    static ApiHandler handler;
    static ApplicationContext ctx;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        String table = Dynalite.uniqueTableName("api-matrix");
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        p.put("xilian.web.submissions-per-minute", 1000);
        ctx = ApplicationContext.builder().properties(p).environments("function").start();
        handler = new ApiHandler(ctx);
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            ctx.getBean(CatalogRepository.class).load(CatalogJson.read(in));
        }
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @Override
    protected Reply send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        String path = pathAndQuery;
        String rawQuery = "";
        Map<String, String> query = new LinkedHashMap<>();
        int q = path.indexOf('?');
        if (q >= 0) {
            rawQuery = path.substring(q + 1);
            for (String kv : rawQuery.split("&")) {
                String[] parts = kv.split("=", 2);
                query.merge(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "", (a, b) -> a + "," + b);
            }
            path = path.substring(0, q);
        }
        Map<String, String> h = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase("cookie")) {
                Arrays.stream(v.split(";\\s*")).forEach(cookies::add); // API Gateway moves cookies here
            } else {
                h.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b);
            }
        });
        h.putIfAbsent("x-forwarded-proto", "https");
        h.putIfAbsent("host", HOST);
        boolean form = "application/x-www-form-urlencoded".equals(h.get("content-type"));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString(rawQuery)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(h)
                .withBody(body == null ? null : form ? Base64.getEncoder().encodeToString(
                        body.getBytes(StandardCharsets.UTF_8)) : body)
                .withIsBase64Encoded(body != null && form)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp("198.51.100.7")
                                .withUserAgent("matrix").build())
                        .withRequestId(UUID.randomUUID().toString()).withStage("$default").build())
                .build();
        APIGatewayV2HTTPResponse r = handler.handleRequest(event, new MockLambdaContext());
        Map<String, String> out = new LinkedHashMap<>();
        if (r.getHeaders() != null) {
            r.getHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        if (r.getMultiValueHeaders() != null) {
            r.getMultiValueHeaders().forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        }
        if (r.getCookies() != null && !r.getCookies().isEmpty()) {
            out.put("set-cookie", String.join(",", r.getCookies()));
        }
        String text = r.getBody() == null ? "" : r.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(r.getBody()), StandardCharsets.UTF_8) : r.getBody();
        return new Reply(r.getStatusCode(), out, text);
    }

    @Override
    protected String issue(String role, String unitId) {
        return ctx.getBean(Credentials.class).issue(Role.valueOf(role), unitId, Duration.ofDays(7)).token();
    }

    @Override
    protected String origin() {
        return "https://" + HOST;
    }
}
