package cn.lyg.xilian.runtime;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API function in the real Lambda Java runtime (emulator + runtime interface client, Handler and environment
 * from template.yaml) behind the API Gateway front, used over HTTP as a browser uses it: sign-in, the task page,
 * the Chinese form (a base64 body in the event), the confirmation, the board with a repeated query parameter,
 * the .xlsx download (a base64 answer) and sign-out. Every signed-in step depends on the function reading the
 * event's {@code cookies} array, the only place API Gateway puts cookies.
 */
class ApiFunctionRuntimeTest {

    private static RuntimeFixture fixture;
    private static LambdaEmulator api;
    private static ApiGatewayFront front;
    private static Invocation firstInvocation;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        fixture = new RuntimeFixture("runtime-api");
        FunctionSpec spec = fixture.function("ApiFunction");
        api = fixture.start(spec, "ApiFunction");
        front = ApiGatewayFront.start(event -> {
            Invocation i = api.invoke(event);
            if (firstInvocation == null) {
                firstInvocation = i;
            }
            return i.functionError() ? null : i.response();
        }, 0, System.out);
    }

    @AfterAll
    static void stop() {
        if (front != null) {
            front.close();
        }
        if (api != null) {
            api.close();
        }
        fixture.stage.close();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(front.baseUrl() + path)).GET();
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    /** A post from our own page, with the headers a browser sends for it. */
    private HttpRequest.Builder postForm(String path, String cookie, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(front.baseUrl() + path))
                .header("Cookie", cookie)
                .header("Origin", front.baseUrl())
                .header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /**
     * The sign-in link opens a confirmation page (nothing set); its button posts the token, and the answer sets the
     * session cookie through the response's cookies array. Returns the cookie as the browser sends it back.
     */
    private String signIn(String token) throws Exception {
        HttpResponse<byte[]> confirm = send(get("/login?token=" + token, null));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.headers().allValues("set-cookie")).isEmpty();
        HttpResponse<byte[]> login = send(HttpRequest.newBuilder(URI.create(front.baseUrl() + "/login"))
                .header("Origin", front.baseUrl()).header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).as(text(login)).isEqualTo(303);
        List<String> setCookies = login.headers().allValues("set-cookie");
        String cookie = setCookies.stream().filter(c -> !c.contains("Max-Age=0")).findFirst().orElseThrow().split(";", 2)[0];
        // Plain http on 127.0.0.1: no __Host- prefix (that needs Secure); a session id, never the token.
        assertThat(cookie).startsWith("xilian_session=").doesNotContain(token);
        return cookie;
    }

    @Test
    void aSignedInVisitWorksThroughTheLambdaFunction() throws Exception {
        String token = fixture.stage.issue(Role.UNIT, "guanyun");

        String cookie = signIn(token);

        HttpResponse<byte[]> home = send(get("/", cookie));
        assertThat(home.statusCode()).as("signed in through the cookies array: %s", text(home)).isEqualTo(200);
        assertThat(text(home)).contains("我的任务");

        HttpResponse<byte[]> page = send(get("/tasks/2.5", cookie));
        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", html.replaceAll("(?s).*name=\"_csrf\" value=\"([0-9a-f]+)\".*", "$1"));
        fields.put("idempotencyKey", html.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([A-Za-z0-9_-]+)\".*", "$1"));
        fields.put("status", "推进中");
        fields.put("percent", "55");
        fields.put("progress", "江阴—灌云合作园区完成基础设施建设投资，<i>新签</i>项目2个");
        fields.put("reporter", "王五");

        HttpResponse<byte[]> posted = send(postForm("/tasks/2.5", cookie, fields));
        assertThat(posted.statusCode()).as(text(posted)).isEqualTo(303);
        String location = posted.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith("/submissions/2.5/guanyun/");
        var client = fixture.stage.client();
        var history = new DynamoProgressRepository(client, fixture.stage.settings()).historyOfTask(2026, "2.5");
        assertThat(history).singleElement().satisfies(s -> {
            assertThat(s.progress()).isEqualTo("江阴—灌云合作园区完成基础设施建设投资，<i>新签</i>项目2个");
            assertThat(s.reporter()).isEqualTo("王五");
        });

        HttpResponse<byte[]> confirmation = send(get(location, cookie));
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(text(confirmation)).contains("已保存").contains("&lt;i&gt;新签&lt;/i&gt;").contains("55%");

        HttpResponse<byte[]> board = send(get("/board?light=GREEN&sort=risk", cookie));
        assertThat(board.statusCode()).as(text(board)).isEqualTo(200);
        assertThat(text(board)).contains("进度看板");
        // A repeated parameter reaches the function as two values (rawQueryString), refused as the local server does.
        HttpResponse<byte[]> repeated = send(get("/board?light=RED&light=GREEN", cookie));
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(text(repeated)).contains("筛选条件“light”只能有一个值，收到2个");

        HttpResponse<byte[]> xlsx = send(get("/board/ledger.xlsx", cookie));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("content-type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务编号");
        }

        HttpResponse<byte[]> logout = send(postForm("/logout", cookie, Map.of("_csrf", fields.get("_csrf"))));
        assertThat(logout.statusCode()).as(text(logout)).isEqualTo(303);
        assertThat(logout.headers().allValues("set-cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(cookie.split("=")[0] + "=").containsIgnoringCase("max-age=0"));
        assertThat(send(get("/", cookie)).statusCode()).as("the session is gone: a copied cookie is worthless")
                .isEqualTo(401);

        assertThat(firstInvocation.initDurationMs()).as("Init Duration of the cold start").isPositive();
    }

    /**
     * Refused, nothing stored. The body differs from AWS here: with a loopback Host, Micronaut's CORS filter refuses
     * a foreign Origin first (bare 403) before the function's own Chinese refusal, which ApiFunctionTest checks
     * with the API's real host.
     */
    @Test
    void aCrossSitePostIsRefused() throws Exception {
        String token = fixture.stage.issue(Role.UNIT, "guanyun");
        String cookie = signIn(token);

        HttpResponse<byte[]> crossSite = send(postForm("/tasks/2.5", cookie, Map.of("percent", "60"))
                .setHeader("Origin", "https://evil.example").setHeader("Sec-Fetch-Site", "cross-site"));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        var client = fixture.stage.client();
        assertThat(new DynamoProgressRepository(client, fixture.stage.settings()).historyOfTask(2026, "2.5")).allSatisfy(s ->
                assertThat(s.percent()).isNotEqualTo(60));
    }
}
