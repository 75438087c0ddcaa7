package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.port.CatalogRepository;
import cn.lyg.xilian.core.port.CredentialRepository;
import cn.lyg.xilian.core.port.ProgressRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.AwsCallRecorder;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda handler class itself, invoked with real API Gateway HTTP API (payload 2.0) events. */
@ExtendWith(DynaliteExtension.class)
class ApiFunctionTest {

    static ApiHandler handler;
    static ApplicationContext ctx;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        String table = Dynalite.uniqueTableName("api");
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        ctx = ApplicationContext.builder().properties(p).environments("function").start();
        handler = new ApiHandler(ctx);
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            Plan plan = CatalogJson.read(in);
            ctx.getBean(CatalogRepository.class).load(plan);
        }
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @AfterAll
    static void everyAwsCallIsDeclared() throws Exception {
        Set<String> declared = AwsCallRecorder.declared("api");
        System.out.println("AWS calls recorded through the handler: " + AwsCallRecorder.recorded());
        assertThat(AwsCallRecorder.recorded()).as("AWS calls made through the handler").isNotEmpty()
                .allSatisfy(call -> assertThat(declared).as("functions/api/aws-calls.txt").contains(call));
    }

    static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> headers, String body,
                                       boolean base64) {
        String rawQuery = "";
        int q = path.indexOf('?');
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            rawQuery = path.substring(q + 1);
            for (String kv : rawQuery.split("&")) {
                String[] parts = kv.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
            path = path.substring(0, q);
        }
        Map<String, String> h = new HashMap<>(headers);
        h.putIfAbsent("x-forwarded-proto", "https");
        h.putIfAbsent("host", "xilian.example.cn");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString(rawQuery)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(h).withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp("10.0.0.1")
                                .withUserAgent("test").build())
                        .withRequestId(UUID.randomUUID().toString()).withStage("$default").build())
                .build();
    }

    static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
        // Recorded: the calls the function makes must be declared in functions/api/aws-calls.txt.
        return AwsCallRecorder.during(() -> handler.handleRequest(e, new MockLambdaContext()));
    }

    /**
     * Signs in through the handler as a browser does: the sign-in link shows a confirmation (no cookie), its
     * button posts the token from the same origin; returns the session cookie as {@code name=value}.
     */
    static String signIn(String token) {
        APIGatewayV2HTTPResponse confirm = call(event("GET", "/login?token=" + token, Map.of(), null, false));
        assertThat(confirm.getStatusCode()).isEqualTo(200);
        assertThat(header(confirm, "set-cookie")).isNull();
        APIGatewayV2HTTPResponse login = call(event("POST", "/login", Map.of("content-type",
                "application/x-www-form-urlencoded", "origin", "https://xilian.example.cn", "sec-fetch-site", "same-origin"),
                "token=" + token, false));
        assertThat(login.getStatusCode()).as(body(login)).isEqualTo(303);
        String setCookie = header(login, "set-cookie");
        // Over https (API Gateway's x-forwarded-proto): the __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/.
        assertThat(setCookie).startsWith("__Host-xilian_session=").doesNotContain(token)
                .containsIgnoringCase("httponly").containsIgnoringCase("secure")
                .containsIgnoringCase("samesite=lax").contains("Path=/");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static String body(APIGatewayV2HTTPResponse r) {
        return r.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(r.getBody()), StandardCharsets.UTF_8) : r.getBody();
    }

    static String header(APIGatewayV2HTTPResponse r, String name) {
        if (r.getHeaders() != null) {
            for (var e : r.getHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        if (r.getMultiValueHeaders() != null) {
            for (var e : r.getMultiValueHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return String.join(",", e.getValue());
                }
            }
        }
        return r.getCookies() != null && name.equals("set-cookie") ? String.join(",", r.getCookies()) : null;
    }

    /**
     * The ledger download behind API Gateway: the .xlsx must come back base64-encoded with isBase64Encoded
     * (micronaut-aws #1545), with its content type and an RFC 5987 Chinese file name; decoded, POI opens it.
     */
    @Test
    void ledgerDownloadsThroughTheHandler() throws Exception {
        String token = ctx.getBean(Credentials.class).issue(Role.COORDINATOR, null, Duration.ofDays(7)).token();
        Map<String, String> cookie = Map.of("cookie", signIn(token));

        APIGatewayV2HTTPResponse x = call(event("GET", "/board/ledger.xlsx?field=EDUCATION", cookie, null, false));
        assertThat(x.getStatusCode()).isEqualTo(200);
        assertThat(x.getIsBase64Encoded()).isTrue();
        assertThat(header(x, "content-type")).isEqualTo(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(header(x, "content-disposition")).startsWith("attachment; ")
                .contains("filename*=UTF-8''%E9%94%A1%E8%BF%9E%E5%B8%AE%E6%89%B6%E5%8F%B0%E8%B4%A6-");
        byte[] bytes = Base64.getDecoder().decode(x.getBody());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(bytes))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务编号");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("3.3.1");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("市教育局");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("教育");
        }

        APIGatewayV2HTTPResponse c = call(event("GET", "/board/ledger.csv?field=EDUCATION", cookie, null, false));
        assertThat(c.getStatusCode()).isEqualTo(200);
        assertThat(header(c, "content-type")).startsWith("text/csv");
        String csv = body(c);
        assertThat(csv).startsWith("\uFEFF任务编号,").contains("\r\n3.3.1,");

        // A unit asking for another unit's rows is refused here too.
        String unit = ctx.getBean(Credentials.class).issue(Role.UNIT, "guanyun", Duration.ofDays(7)).token();
        APIGatewayV2HTTPResponse forbidden = call(event("GET", "/board/ledger.xlsx?unit=donghai",
                Map.of("cookie", signIn(unit)), null, false));
        assertThat(forbidden.getStatusCode()).isEqualTo(403);

        APIGatewayV2HTTPResponse page = call(event("GET", "/board?light=YELLOW&sort=risk", cookie, null, false));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(body(page)).contains("进度看板").contains("data-light=\"YELLOW\"").doesNotContain("data-light=\"RED\"");
    }

    @Test
    void signInThenPostABase64UrlencodedChineseForm() {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, "guanyun", Duration.ofDays(7)).token();
        String cookie = signIn(token);

        APIGatewayV2HTTPResponse page = call(event("GET", "/tasks/2.5", Map.of("cookie", cookie), null, false));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(header(page, "content-type")).startsWith("text/html");
        String html = body(page);
        String csrf = html.replaceAll("(?s).*name=\"_csrf\" value=\"([0-9a-f]+)\".*", "$1");
        String key = html.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([A-Za-z0-9_-]+)\".*", "$1");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("idempotencyKey", key);
        form.put("status", "推进中");
        form.put("percent", "55");
        form.put("progress", "江阴—灌云合作园区完成基础设施建设投资，<i>新签</i>项目2个");
        form.put("reporter", "王五");
        String urlencoded = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String b64 = Base64.getEncoder().encodeToString(urlencoded.getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse posted = call(event("POST", "/tasks/2.5",
                Map.of("cookie", cookie, "content-type", "application/x-www-form-urlencoded"), b64, true));
        assertThat(posted.getStatusCode()).as(body(posted)).isEqualTo(303);
        String location = header(posted, "location");
        assertThat(location).startsWith("/submissions/2.5/guanyun/");

        var history = ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.5");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).progress()).isEqualTo("江阴—灌云合作园区完成基础设施建设投资，<i>新签</i>项目2个");
        assertThat(history.get(0).reporter()).isEqualTo("王五");

        APIGatewayV2HTTPResponse confirmation = call(event("GET", location, Map.of("cookie", cookie), null, false));
        assertThat(confirmation.getStatusCode()).isEqualTo(200);
        assertThat(body(confirmation)).contains("已保存").contains("&lt;i&gt;新签&lt;/i&gt;").contains("55%");

        // Invalid input through the proxy: re-rendered with the Chinese message and the typed text.
        form.put("percent", "abc");
        form.put("idempotencyKey", "another-key-1");
        String bad = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        APIGatewayV2HTTPResponse invalid = call(event("POST", "/tasks/2.5",
                Map.of("cookie", cookie, "content-type", "application/x-www-form-urlencoded"),
                Base64.getEncoder().encodeToString(bad.getBytes(StandardCharsets.UTF_8)), true));
        assertThat(invalid.getStatusCode()).isEqualTo(422);
        assertThat(body(invalid)).contains("完成百分比须为0到100的整数").contains("江阴—灌云合作园区");
        assertThat(ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.5")).hasSize(1);
    }

    @Test
    void credentialChecksThroughTheHandler() {
        APIGatewayV2HTTPResponse forged = call(event("GET", "/api/v1/tasks",
                Map.of("authorization", "Bearer " + Tokens.newToken()), null, false));
        assertThat(forged.getStatusCode()).isEqualTo(401);
        assertThat(header(forged, "content-type")).startsWith("application/json");
        assertThat(body(forged)).contains("\"code\":\"CREDENTIAL_INVALID\"").contains("凭据无效");

        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, "guannan", null).token();
        APIGatewayV2HTTPResponse ok = call(event("GET", "/api/v1/tasks", Map.of("authorization", "Bearer " + token), null, false));
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(body(ok)).contains("\"id\":\"2.7\"").doesNotContain("\"id\":\"2.2\"");

        String session = signIn(token);
        ctx.getBean(CredentialRepository.class).revoke(Tokens.sha256Hex(token), Instant.now());
        APIGatewayV2HTTPResponse revoked = call(event("GET", "/api/v1/tasks", Map.of("authorization", "Bearer " + token), null, false));
        assertThat(revoked.getStatusCode()).isEqualTo(401);
        assertThat(body(revoked)).contains("CREDENTIAL_REVOKED");

        APIGatewayV2HTTPResponse page = call(event("GET", "/", Map.of("cookie", session), null, false));
        assertThat(page.getStatusCode()).isEqualTo(401);
        assertThat(body(page)).contains("凭据已被吊销");
    }

    @Test
    void jsonSubmissionAndBadInputThroughTheHandler() {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, "park-huiyu", null).token();
        String json = "{\"status\":\"滞后\",\"percent\":20,\"figures\":{\"t1\":2},\"progress\":\"协调中\"}";
        Map<String, String> h = Map.of("authorization", "Bearer " + token, "content-type", "application/json",
                "idempotency-key", "lambda-key-0001");
        APIGatewayV2HTTPResponse created = call(event("POST", "/api/v1/tasks/2.2/progress", h, json, false));
        assertThat(created.getStatusCode()).as(body(created)).isEqualTo(201);
        APIGatewayV2HTTPResponse replay = call(event("POST", "/api/v1/tasks/2.2/progress", h, json, false));
        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(body(replay)).contains("\"replayed\":true");

        Map<String, String> h2 = new HashMap<>(h);
        h2.put("idempotency-key", "lambda-key-0002");
        APIGatewayV2HTTPResponse tooBig = call(event("POST", "/api/v1/tasks/2.2/progress", h2,
                json.replace("协调中", "长".repeat(30_000)), false));
        assertThat(tooBig.getStatusCode()).isEqualTo(413);
        assertThat(body(tooBig)).contains("BODY_TOO_LARGE");
        APIGatewayV2HTTPResponse badPercent = call(event("POST", "/api/v1/tasks/2.2/progress", h2,
                json.replace("20", "150"), false));
        assertThat(badPercent.getStatusCode()).isEqualTo(422);
        assertThat(body(badPercent)).contains("PERCENT_OUT_OF_RANGE").contains("完成百分比须在0到100之间");
        byte[] invalidUtf8 = json.getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0xFF;
        APIGatewayV2HTTPResponse badBytes = call(event("POST", "/api/v1/tasks/2.2/progress", h2,
                Base64.getEncoder().encodeToString(invalidUtf8), true));
        assertThat(badBytes.getStatusCode()).isEqualTo(400);
        assertThat(body(badBytes)).contains("INVALID_UTF8");
        assertThat(ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.2")).hasSize(1);
    }
}
