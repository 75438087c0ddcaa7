package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.io.ByteArrayInputStream;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda handler class itself, invoked with real API Gateway HTTP API (payload 2.0) events. */
@ExtendWith(DynaliteExtension.class)
class ApiFunctionTest {

    static ApiHandler handler;
    static ApplicationContext ctx;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        FunctionFixture function = FunctionFixture.start(dynalite.endpoint(), "api", Map.of());
        ctx = function.ctx();
        handler = function.handler();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @AfterAll
    static void everyAwsCallIsDeclared() throws Exception {
        FunctionFixture.assertEveryAwsCallDeclared();
    }

    /**
     * The event as API Gateway sends it (JSON from the shared builder), turned into the event object by the managed
     * runtime's own serializer, handled, and the answer written back to JSON and read as API Gateway reads it.
     */
    static HttpApiResponse call(HttpApiEvent e) {
        return FunctionFixture.invoke(handler, e);
    }

    static HttpApiEvent signedIn(HttpApiEvent e, String sessionCookie) {
        return e.cookieHeader(sessionCookie);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Signs in as a browser does: the link shows a confirmation (no cookie), its button posts the token from our
     * page; returns the session cookie the browser then sends ({@code name=value}).
     */
    static String signIn(String token) {
        HttpApiResponse confirm = call(HttpApiEvent.get("/login?token=" + token));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.cookies()).isEmpty();
        HttpApiResponse login = call(fromOurPage(HttpApiEvent.post("/login")).form("token=" + token));
        assertThat(login.status()).as(login.text()).isEqualTo(303);
        String setCookie = login.cookies().stream().filter(c -> !c.contains("Max-Age=0")).findFirst().orElseThrow();
        // Over https (API Gateway): the __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/; a session, not the token.
        assertThat(setCookie).startsWith("__Host-xilian_session=").doesNotContain(token)
                .containsIgnoringCase("httponly").containsIgnoringCase("secure")
                .containsIgnoringCase("samesite=lax").contains("Path=/");
        return setCookie.split(";", 2)[0];
    }

    /** The same origin a browser on the API's domain sends with a post from our pages. */
    static HttpApiEvent fromOurPage(HttpApiEvent e) {
        return e.header("origin", "https://abc123def4.execute-api.cn-north-1.amazonaws.com.cn")
                .header("sec-fetch-site", "same-origin");
    }

    /**
     * The visit a unit makes, every step an event shaped by API Gateway (cookies only in {@code cookies}): sign in,
     * the task page, the Chinese form (base64 body), the confirmation, the board with a repeated parameter, the
     * .xlsx download and sign-out, after which the cookie no longer opens a page.
     */
    @Test
    void aSignedInVisitWorksBehindApiGateway() throws Exception {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, "guanyun", Duration.ofDays(7)).token();
        String cookie = signIn(token);

        HttpApiResponse home = call(signedIn(HttpApiEvent.get("/"), cookie));
        assertThat(home.status()).as(home.text()).isEqualTo(200);
        assertThat(home.text()).contains("我的任务");

        HttpApiResponse page = call(signedIn(HttpApiEvent.get("/tasks/2.5"), cookie));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type").orElseThrow()).startsWith("text/html");
        assertThat(page.header("referrer-policy")).contains("same-origin");
        String html = page.text();
        String csrf = html.replaceAll("(?s).*name=\"_csrf\" value=\"([0-9a-f]+)\".*", "$1");
        String key = html.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([A-Za-z0-9_-]+)\".*", "$1");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("idempotencyKey", key);
        fields.put("status", "推进中");
        fields.put("percent", "55");
        fields.put("progress", "江阴—灌云合作园区完成基础设施建设投资，<i>新签</i>项目2个");
        fields.put("reporter", "王五");
        HttpApiResponse posted = call(fromOurPage(signedIn(HttpApiEvent.post("/tasks/2.5"), cookie)).form(form(fields)));
        assertThat(posted.status()).as(posted.text()).isEqualTo(303);
        String location = posted.header("location").orElseThrow();
        assertThat(location).startsWith("/submissions/2.5/guanyun/");
        var history = ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.5");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).progress()).isEqualTo("江阴—灌云合作园区完成基础设施建设投资，<i>新签</i>项目2个");
        assertThat(history.get(0).reporter()).isEqualTo("王五");

        HttpApiResponse confirmation = call(signedIn(HttpApiEvent.get(location), cookie));
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.text()).contains("已保存").contains("&lt;i&gt;新签&lt;/i&gt;").contains("55%");

        // Invalid input: re-rendered with the Chinese message and the typed text; nothing stored.
        fields.put("percent", "abc");
        fields.put("idempotencyKey", "another-key-1");
        HttpApiResponse invalid = call(fromOurPage(signedIn(HttpApiEvent.post("/tasks/2.5"), cookie)).form(form(fields)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text()).contains("完成百分比须为0到100的整数").contains("江阴—灌云合作园区");
        assertThat(ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.5")).hasSize(1);

        // A post from another site (or with the Origin browsers send under no-referrer) is refused in Chinese.
        fields.put("idempotencyKey", "cross-site-key-1");
        fields.put("percent", "60");
        HttpApiResponse crossSite = call(signedIn(HttpApiEvent.post("/tasks/2.5"), cookie)
                .header("origin", "https://evil.example").header("sec-fetch-site", "cross-site").form(form(fields)));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.text()).contains("请求来源不明");
        HttpApiResponse nullOrigin = call(signedIn(HttpApiEvent.post("/tasks/2.5"), cookie)
                .header("origin", "null").form(form(fields)));
        assertThat(nullOrigin.status()).isEqualTo(403);
        assertThat(ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.5")).hasSize(1);

        // The board: a filter with a comma in no value, then a repeated one, which the function sees as two
        // values (rawQueryString is the source of truth) and refuses as the local server does.
        HttpApiResponse board = call(signedIn(HttpApiEvent.get("/board?light=GREEN&sort=risk&section="), cookie));
        assertThat(board.status()).as(board.text()).isEqualTo(200);
        assertThat(board.text()).contains("进度看板").doesNotContain("data-light=\"YELLOW\"");
        HttpApiResponse repeated = call(signedIn(HttpApiEvent.get("/board?light=RED&light=GREEN"), cookie));
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.text()).contains("筛选条件“light”只能有一个值，收到2个");

        HttpApiResponse xlsx = call(signedIn(HttpApiEvent.get("/board/ledger.xlsx"), cookie));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.base64()).isTrue();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务编号");
        }

        HttpApiResponse logout = call(fromOurPage(signedIn(HttpApiEvent.post("/logout"), cookie)).form("_csrf=" + csrf));
        assertThat(logout.status()).isEqualTo(303);
        assertThat(logout.cookies()).as("sign-out clears the cookie through cookies")
                .anySatisfy(c -> assertThat(c).startsWith(cookie.split("=")[0] + "=").containsIgnoringCase("max-age=0"));
        HttpApiResponse replayed = call(signedIn(HttpApiEvent.get("/"), cookie));
        assertThat(replayed.status()).as("the session was deleted: a copied cookie is worthless").isEqualTo(401);
    }

    /** Two cookies in one header, or in two Cookie headers: API Gateway sends both in cookies; ours is found. */
    @Test
    void everyCookieOfTheRequestIsRead() {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, "guannan", Duration.ofDays(7)).token();
        String cookie = signIn(token);
        HttpApiResponse oneHeader = call(HttpApiEvent.get("/").cookieHeader("_ga=GA1.2.3; " + cookie + "; theme=dark"));
        assertThat(oneHeader.status()).isEqualTo(200);
        HttpApiResponse twoHeaders = call(HttpApiEvent.get("/").header("Cookie", "_ga=GA1.2.3").header("Cookie", cookie));
        assertThat(twoHeaders.status()).isEqualTo(200);
        HttpApiResponse none = call(HttpApiEvent.get("/"));
        assertThat(none.status()).isEqualTo(401);
    }

    /**
     * The ledger download behind API Gateway: the .xlsx must come back base64-encoded with isBase64Encoded
     * (micronaut-aws #1545), with its content type and an RFC 5987 Chinese file name; decoded, POI opens it.
     */
    @Test
    void ledgerDownloadsThroughTheHandler() throws Exception {
        String token = ctx.getBean(Credentials.class).issue(Role.COORDINATOR, null, Duration.ofDays(7)).token();
        String cookie = signIn(token);

        HttpApiResponse x = call(signedIn(HttpApiEvent.get("/board/ledger.xlsx?field=EDUCATION"), cookie));
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.base64()).isTrue();
        assertThat(x.header("content-type")).contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(x.header("content-disposition").orElseThrow()).startsWith("attachment; ")
                .contains("filename*=UTF-8''%E9%94%A1%E8%BF%9E%E5%B8%AE%E6%89%B6%E5%8F%B0%E8%B4%A6-");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务编号");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("3.3.1");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("市教育局");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("教育");
        }

        HttpApiResponse c = call(signedIn(HttpApiEvent.get("/board/ledger.csv?field=EDUCATION"), cookie));
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.header("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(c.text()).startsWith("\uFEFF任务编号,").contains("\r\n3.3.1,");

        // A unit asking for another unit's rows is refused here too.
        String unit = signIn(ctx.getBean(Credentials.class).issue(Role.UNIT, "guanyun", Duration.ofDays(7)).token());
        HttpApiResponse forbidden = call(signedIn(HttpApiEvent.get("/board/ledger.xlsx?unit=donghai"), unit));
        assertThat(forbidden.status()).isEqualTo(403);

        HttpApiResponse page = call(signedIn(HttpApiEvent.get("/board?light=YELLOW&sort=risk"), cookie));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("进度看板").contains("data-light=\"YELLOW\"").doesNotContain("data-light=\"RED\"");
    }

    /**
     * Issue 22 behind API Gateway: a page opened without a session answers the Chinese sign-in page (401, no English
     * code shown) naming the task; "把登录链接发到本单位邮箱" answers the same for a known unit, an unknown one and an
     * unknown address, only from our pages, and refuses the fourth request for one entry in an hour.
     */
    @Test
    void aSignedOutPageOffersASignInLinkByEmail() {
        HttpApiResponse page = call(HttpApiEvent.get("/tasks/2.5?from=mail"));
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.header("content-type").orElseThrow()).startsWith("text/html");
        assertThat(page.text()).contains("任务 2.5").contains("的填报页面，需要登录").contains("action=\"/signin/email\"")
                .contains("name=\"next\" value=\"/tasks/2.5?from=mail\"").doesNotContain("返回我的任务");

        java.util.function.Function<String, HttpApiResponse> ask = fields -> call(fromOurPage(
                HttpApiEvent.post("/signin/email")).sourceIp("198.51.100.20").form(fields + "&next=%2Ftasks%2F2.5"));
        HttpApiResponse known = ask.apply("unit=guanyun&address=");
        assertThat(known.status()).as(known.text()).isEqualTo(200);
        assertThat(known.text()).contains("请查收邮件");
        assertThat(ask.apply("unit=no-such-unit&address=").text()).isEqualTo(known.text());
        assertThat(ask.apply("unit=&address=nobody%40evil.example").text()).isEqualTo(known.text());
        assertThat(ask.apply("unit=&address=").status()).isEqualTo(422);

        HttpApiResponse crossSite = call(HttpApiEvent.post("/signin/email").header("origin", "https://evil.example")
                .header("sec-fetch-site", "cross-site").form("unit=guanyun"));
        assertThat(crossSite.status()).isEqualTo(403);

        for (int i = 0; i < 2; i++) {
            assertThat(call(fromOurPage(HttpApiEvent.post("/signin/email")).sourceIp("198.51.100.3" + i)
                    .form("unit=guannan")).status()).isEqualTo(200);
        }
        assertThat(call(fromOurPage(HttpApiEvent.post("/signin/email")).sourceIp("198.51.100.32")
                .form("unit=guannan")).status()).isEqualTo(200);
        HttpApiResponse limited = call(fromOurPage(HttpApiEvent.post("/signin/email")).sourceIp("198.51.100.33")
                .form("unit=guannan"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text()).contains("申请过于频繁");

        // Per client: the address API Gateway saw (sourceIp, the last X-Forwarded-For entry), whatever it was sent.
        java.util.function.BiFunction<String, String, Integer> from = (ip, unit) -> call(fromOurPage(
                HttpApiEvent.post("/signin/email")).sourceIp(ip).header("x-forwarded-for", "10.0.0.1, " + ip)
                .form("unit=" + unit)).status();
        for (int i = 0; i < 10; i++) {
            assertThat(from.apply("198.51.100.50", "unit" + i)).isEqualTo(200);
        }
        assertThat(from.apply("198.51.100.50", "unit10")).isEqualTo(429);
        assertThat(from.apply("198.51.100.51", "unit10")).isEqualTo(200);
    }

    @Test
    void credentialChecksThroughTheHandler() {
        HttpApiResponse forged = call(HttpApiEvent.get("/api/v1/tasks").header("Authorization", "Bearer " + Tokens.newToken()));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("content-type").orElseThrow()).startsWith("application/json");
        assertThat(forged.text()).contains("\"code\":\"CREDENTIAL_INVALID\"").contains("凭据无效");

        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, "guannan", null).token();
        HttpApiResponse ok = call(HttpApiEvent.get("/api/v1/tasks").header("Authorization", "Bearer " + token));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).contains("\"id\":\"2.7\"").doesNotContain("\"id\":\"2.2\"");
        String cookie = signIn(token);

        ctx.getBean(CredentialRepository.class).revoke(Tokens.sha256Hex(token), Instant.now());
        HttpApiResponse revoked = call(HttpApiEvent.get("/api/v1/tasks").header("Authorization", "Bearer " + token));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.text()).contains("CREDENTIAL_REVOKED");

        HttpApiResponse page = call(signedIn(HttpApiEvent.get("/"), cookie));
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text()).contains("凭据已被吊销");
    }

    @Test
    void jsonSubmissionAndBadInputThroughTheHandler() {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, "park-huiyu", null).token();
        String json = "{\"status\":\"滞后\",\"percent\":20,\"figures\":{\"t1\":2},\"progress\":\"协调中\"}";
        java.util.function.Function<String, HttpApiEvent> post = key -> HttpApiEvent.post("/api/v1/tasks/2.2/progress")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key);
        HttpApiResponse created = call(post.apply("lambda-key-0001").json(json));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        HttpApiResponse replay = call(post.apply("lambda-key-0001").json(json));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text()).contains("\"replayed\":true");

        HttpApiResponse tooBig = call(post.apply("lambda-key-0002").json(json.replace("协调中", "长".repeat(30_000))));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.text()).contains("BODY_TOO_LARGE");
        HttpApiResponse badPercent = call(post.apply("lambda-key-0002").json(json.replace("20", "150")));
        assertThat(badPercent.status()).isEqualTo(422);
        assertThat(badPercent.text()).contains("PERCENT_OUT_OF_RANGE").contains("完成百分比须在0到100之间");
        byte[] invalidUtf8 = json.getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0xFF;
        // Not valid UTF-8, so it cannot travel as text: the event carries it base64-encoded.
        HttpApiResponse badBytes = call(post.apply("lambda-key-0002").body("application/json", invalidUtf8));
        assertThat(badBytes.status()).as(badBytes.text()).isEqualTo(400);
        assertThat(badBytes.text()).contains("INVALID_UTF8");
        // Two Idempotency-Key headers arrive comma-joined: not a valid key, refused, nothing stored.
        HttpApiResponse twoKeys = call(post.apply("lambda-key-0003").header("Idempotency-Key", "lambda-key-0004").json(json));
        assertThat(twoKeys.status()).isEqualTo(400);
        assertThat(ctx.getBean(ProgressRepository.class).historyOfTask(2026, "2.2")).hasSize(1);
    }

    /**
     * Issue 25 item 4, the exact calls: a stored submission is three DynamoDB calls (the credential's check and count
     * in one UpdateItem, the history's conditional PutItem, the state's conditional UpdateItem); a replay is counted
     * as a request (one call) and takes the replay path; a refused token costs the same two calls whether it exists (revoked) or not, so
     * neither the answer's time nor the calls tell an unknown token from a known one.
     */
    @Test
    void aSubmissionIsThreeDynamoDbCallsAndARefusedTokenTwoWhetherItExistsOrNot() {
        Credentials credentials = ctx.getBean(Credentials.class);
        String token = credentials.issue(Role.UNIT, "donghai", null).token();
        String json = "{\"status\":\"推进中\",\"percent\":30,\"progress\":\"按计划推进\"}";
        java.util.function.Function<String, HttpApiEvent> post = key -> HttpApiEvent.post("/api/v1/tasks/1.3/progress")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key);
        assertThat(call(post.apply("calls-key-0000").json(json)).status()).isEqualTo(201); // the plan is cached now

        assertThat(call(post.apply("calls-key-0001").json(json)).status()).isEqualTo(201);
        assertThat(cn.lyg.xilian.testkit.AwsCallRecorder.lastCalls()).as("a stored submission")
                .containsExactly("dynamodb:UpdateItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(call(post.apply("calls-key-0001").json(json)).status()).isEqualTo(200);
        // The replay's own path is as before: the stored report read back, the state's update refused (the report
        // is the latest already) and its set-only ADD, which changes nothing (sets).
        assertThat(cn.lyg.xilian.testkit.AwsCallRecorder.lastCalls()).as("a replay")
                .containsExactly("dynamodb:UpdateItem", "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                        "dynamodb:UpdateItem");

        String revoked = credentials.issue(Role.UNIT, "donghai", null).token();
        credentials.revoke(revoked);
        for (String refused : java.util.List.of(revoked, Tokens.newToken())) {
            HttpApiResponse r = call(HttpApiEvent.post("/api/v1/tasks/1.3/progress")
                    .header("Authorization", "Bearer " + refused).header("Idempotency-Key", "calls-key-0002").json(json));
            assertThat(r.status()).isEqualTo(401);
            assertThat(cn.lyg.xilian.testkit.AwsCallRecorder.lastCalls()).as(r.text())
                    .containsExactly("dynamodb:UpdateItem", "dynamodb:GetItem");
        }
        assertThat(ctx.getBean(ProgressRepository.class).historyOfTask(2026, "1.3"))
                .filteredOn(sub -> sub.idempotencyKey().startsWith("calls-key-")).hasSize(2);
    }
}
