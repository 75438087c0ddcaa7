package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.Directory;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.bearer;
import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.field;
import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.form;
import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.fromOurPage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 单位与账号管理 through the API Lambda handler with API Gateway (payload 2.0) events: every page, form and JSON route
 * refused to a unit (403) and to no session or token (401, the sign-in page for pages); the forms' CSRF token; an
 * address that is not an email refused in Chinese with nothing stored (no profile, no trail entry); hostile text
 * escaped on the pages; each action on the trail once, with the client's address and user agent.
 */
@ExtendWith(DynaliteExtension.class)
class AdminFunctionTest {

    private static final String UNIT = "guanyun";
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String BROWSER = "Mozilla/5.0 (AdminFunctionTest)";

    static ApiHandler handler;
    static ApplicationContext ctx;
    static String unitToken;
    static String coordinatorToken;
    static String unit;
    static String coordinator;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        FunctionFixture function = FunctionFixture.start(dynalite.endpoint(), "admin", Map.of());
        ctx = function.ctx();
        handler = function.handler();
        Credentials credentials = ctx.getBean(Credentials.class);
        unitToken = credentials.issue(Role.UNIT, UNIT, Duration.ofDays(7)).token();
        coordinatorToken = credentials.issue(Role.COORDINATOR, null, Duration.ofDays(7)).token();
        unit = signIn(unitToken);
        coordinator = signIn(coordinatorToken);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @AfterAll
    static void everyAwsCallIsDeclared() throws Exception {
        FunctionFixture.assertEveryAwsCallDeclared();
    }

    private static final List<String> PAGES = List.of("/admin/units", "/admin/units/new", "/admin/units/" + UNIT,
            "/admin/coordinators", "/admin/audit", "/admin/audit.xlsx");
    private static final List<String> FORMS = List.of("/admin/units", "/admin/units/" + UNIT,
            "/admin/units/" + UNIT + "/active", "/admin/units/" + UNIT + "/links", "/admin/units/" + UNIT + "/links/rotate",
            "/admin/units/" + UNIT + "/links/revoke", "/admin/units/" + UNIT + "/link-emails", "/admin/coordinators",
            "/admin/coordinators/c-0123456789/link-emails", "/admin/coordinators/c-0123456789/remove");
    private static final List<String[]> API = List.of(
            new String[]{"GET", "/api/v1/admin/units", null}, new String[]{"GET", "/api/v1/admin/units/" + UNIT, null},
            new String[]{"PUT", "/api/v1/admin/units/" + UNIT, "{\"version\":0,\"contacts\":[\"a@lyg.gov.cn\"]}"},
            new String[]{"POST", "/api/v1/admin/units", "{\"id\":\"shi-zhujianju\",\"name\":\"市住建局\",\"kind\":\"CITY_DEPARTMENT\"}"},
            new String[]{"POST", "/api/v1/admin/units/" + UNIT + "/links", null},
            new String[]{"POST", "/api/v1/admin/units/" + UNIT + "/links/rotate", null},
            new String[]{"POST", "/api/v1/admin/units/" + UNIT + "/link-emails", null},
            new String[]{"DELETE", "/api/v1/admin/links/" + "0".repeat(64), null},
            new String[]{"GET", "/api/v1/admin/coordinators", null},
            new String[]{"POST", "/api/v1/admin/coordinators", "{\"name\":\"王芳\",\"email\":\"wangfang@lyg.gov.cn\"}"},
            new String[]{"POST", "/api/v1/admin/coordinators/c-0123456789/link-emails", null},
            new String[]{"DELETE", "/api/v1/admin/coordinators/c-0123456789", null},
            new String[]{"GET", "/api/v1/admin/audit", null});

    @Test
    void everyPageFormAndRouteIsRefusedToAUnitAndToNoCredentialAndNothingIsWritten() {
        String unitHtml = call(HttpApiEvent.get("/").cookieHeader(unit)).text();
        assertThat(unitHtml).doesNotContain("单位与账号管理");
        String unitCsrf = field(unitHtml, "_csrf");
        var directoryBefore = directory().read();
        int trailBefore = trail().size();
        for (String page : PAGES) {
            HttpApiResponse byUnit = call(HttpApiEvent.get(page).cookieHeader(unit));
            assertThat(byUnit.status()).as(page).isEqualTo(403);
            assertThat(byUnit.text()).as(page).contains("仅市发改委统筹人员可以管理单位与账号");
            HttpApiResponse nobody = call(HttpApiEvent.get(page));
            assertThat(nobody.status()).as(page).isEqualTo(401);
            assertThat(nobody.text()).as(page).contains("登录");
        }
        for (String form : FORMS) {
            HttpApiResponse byUnit = call(fromOurPage(HttpApiEvent.post(form).cookieHeader(unit)).form(form(Map.of(
                    "_csrf", unitCsrf, "idempotencyKey", "unit-attempt-1", "name", "x", "email", "x@lyg.gov.cn",
                    "contacts", "x@lyg.gov.cn", "id", "shi-x", "kind", "COUNTY", "hash", "0".repeat(64)))));
            assertThat(byUnit.status()).as(form).isEqualTo(403);
            assertThat(call(fromOurPage(HttpApiEvent.post(form)).form("idempotencyKey=nobody-attempt-1")).status())
                    .as(form).isEqualTo(401);
        }
        for (String[] route : API) {
            HttpApiResponse byUnit = call(api(route, unitToken));
            assertThat(byUnit.status()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertThat(byUnit.text()).contains("\"code\":\"COORDINATOR_ONLY\"");
            assertThat(call(api(route, null)).status()).as(route[0] + " " + route[1]).isEqualTo(401);
        }
        assertThat(directory().read()).isEqualTo(directoryBefore);
        assertThat(trail()).hasSize(trailBefore);
    }

    @Test
    void formsNeedTheSessionsCsrfTokenAndAnAddressThatIsNotAnEmailIsRefusedWithNothingWritten() {
        HttpApiResponse page = call(HttpApiEvent.get("/admin/units/" + UNIT).cookieHeader(coordinator));
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        String html = page.text();
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("idempotencyKey", "edit-guanyun-bad-1");
        edit.put("version", "0");
        edit.put("contacts", "liaison@guanyun.gov.cn\nnot-an-email");
        HttpApiResponse noToken = call(fromOurPage(HttpApiEvent.post("/admin/units/" + UNIT).cookieHeader(coordinator))
                .form(form(edit)));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.text()).contains("CSRF");
        edit.put("_csrf", "0" + field(html, "_csrf").substring(1));
        assertThat(call(fromOurPage(HttpApiEvent.post("/admin/units/" + UNIT).cookieHeader(coordinator))
                .form(form(edit))).status()).isEqualTo(403);
        HttpApiResponse crossSite = call(HttpApiEvent.post("/admin/units/" + UNIT).cookieHeader(coordinator)
                .header("origin", "https://evil.example").header("sec-fetch-site", "cross-site").form(form(edit)));
        assertThat(crossSite.status()).isEqualTo(403);

        edit.put("_csrf", field(html, "_csrf"));
        HttpApiResponse invalid = call(fromOurPage(HttpApiEvent.post("/admin/units/" + UNIT).cookieHeader(coordinator))
                .form(form(edit)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text()).contains("“not-an-email”不是有效的邮箱地址").contains("aria-invalid=\"true\"")
                .contains("class=\"error-summary\"").contains("liaison@guanyun.gov.cn\nnot-an-email");
        HttpApiResponse badCoordinator = call(bearer(HttpApiEvent.post("/api/v1/admin/coordinators"), coordinatorToken)
                .header("Idempotency-Key", "coordinator-bad-1").json("{\"name\":\"王芳\",\"email\":\"wangfang at lyg\"}"));
        assertThat(badCoordinator.status()).isEqualTo(422);
        assertThat(badCoordinator.text()).contains("EMAIL_INVALID").contains("请填写有效的邮箱地址");
        HttpApiResponse badUnit = call(bearer(HttpApiEvent.request("PUT", "/api/v1/admin/units/" + UNIT), coordinatorToken)
                .header("Idempotency-Key", "unit-bad-1").json("{\"version\":0,\"contacts\":[\"a@lyg.gov.cn\",\"nobody\"]}"));
        assertThat(badUnit.status()).isEqualTo(422);
        assertThat(badUnit.text()).contains("\"contacts\"").contains("不是有效的邮箱地址");
        assertThat(directory().unit(UNIT)).isEmpty();
        assertThat(directory().read().coordinators()).noneMatch(c -> c.email().startsWith("wangfang"));
        assertThat(trail()).noneMatch(e -> e.action() == AuditAction.UNIT_EDITED || e.action() == AuditAction.COORDINATOR_ADDED && e.after().contains("wangfang"));
    }

    @Test
    void hostileTextIsEscapedAndEachActionIsOnTheTrailOnceWithItsOrigin() {
        String html = call(HttpApiEvent.get("/admin/coordinators").cookieHeader(coordinator)).text();
        Map<String, String> add = new LinkedHashMap<>();
        add.put("_csrf", field(html, "_csrf"));
        add.put("idempotencyKey", "add-hostile-1");
        add.put("name", HOSTILE);
        add.put("email", "hostile@lyg.gov.cn");
        for (int i = 0; i < 2; i++) { // a retried post is one action
            HttpApiResponse added = call(fromOurPage(HttpApiEvent.post("/admin/coordinators").cookieHeader(coordinator))
                    .sourceIp("198.51.100.77").header("user-agent", BROWSER).form(form(add)));
            assertThat(added.status()).as(added.text()).isEqualTo(303);
        }
        assertThat(directory().read().coordinators()).filteredOn(c -> c.name().equals(HOSTILE)).hasSize(1);

        HttpApiResponse list = call(HttpApiEvent.get("/admin/coordinators?done=added").cookieHeader(coordinator));
        assertThat(list.text()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE)
                .contains("已新增");
        HttpApiResponse audit = call(HttpApiEvent.get("/admin/audit?action=COORDINATOR_ADDED&actor=coordinator")
                .cookieHeader(coordinator));
        assertThat(audit.status()).as(audit.text()).isEqualTo(200);
        assertThat(audit.text()).contains("新增统筹人员").contains("198.51.100.77").contains(BROWSER)
                .contains("<option value=\"coordinator\" selected>统筹人员（通用链接）</option>").doesNotContain(HOSTILE);
        assertThat(call(HttpApiEvent.get("/admin/audit?actor=cli").cookieHeader(coordinator)).text())
                .doesNotContain("198.51.100.77");
        List<AuditEntry> added = trail().stream().filter(e -> e.action() == AuditAction.COORDINATOR_ADDED).toList();
        assertThat(added).singleElement().satisfies(e -> {
            assertThat(e.ip()).isEqualTo("198.51.100.77");
            assertThat(e.userAgent()).isEqualTo(BROWSER);
            assertThat(e.after()).contains(HOSTILE);
        });

        // Through the JSON API: a unit's new link (the token once), then revoked by its hash; both on the trail.
        HttpApiResponse issued = call(bearer(HttpApiEvent.post("/api/v1/admin/units/" + UNIT + "/links"), coordinatorToken)
                .header("Idempotency-Key", "issue-guanyun-1"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String hash = issued.text().replaceAll("(?s).*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(issued.text()).contains("/login?token=");
        HttpApiResponse again = call(bearer(HttpApiEvent.post("/api/v1/admin/units/" + UNIT + "/links"), coordinatorToken)
                .header("Idempotency-Key", "issue-guanyun-1"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("LINK_ALREADY_ISSUED").doesNotContain("token");
        HttpApiResponse unitView = call(bearer(HttpApiEvent.get("/api/v1/admin/units/" + UNIT), coordinatorToken));
        assertThat(unitView.text()).contains(hash).doesNotContain("\"token\"");
        HttpApiResponse revoked = call(bearer(HttpApiEvent.request("DELETE", "/api/v1/admin/links/" + hash), coordinatorToken)
                .header("Idempotency-Key", "revoke-guanyun-1"));
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(201);
        HttpApiResponse json = call(bearer(HttpApiEvent.get("/api/v1/admin/audit?target=unit:" + UNIT), coordinatorToken));
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        assertThat(json.text()).contains("\"action\":\"LINK_ISSUED\"").contains("\"action\":\"LINK_REVOKED\"");
        assertThat(trail().stream().filter(e -> e.target().equals("unit:" + UNIT)).map(AuditEntry::action))
                .containsExactlyInAnyOrder(AuditAction.LINK_ISSUED, AuditAction.LINK_REVOKED);
        assertThat(call(bearer(HttpApiEvent.get("/api/v1/admin/audit?month=2026-13"), coordinatorToken)).status())
                .isEqualTo(400);
        HttpApiResponse xlsx = call(HttpApiEvent.get("/admin/audit.xlsx").cookieHeader(coordinator));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("content-type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
    }

    @Test
    void aUnitAddedFromTheFormIsStoredOnceAndListed() {
        String html = call(HttpApiEvent.get("/admin/units/new").cookieHeader(coordinator)).text();
        Map<String, String> add = new LinkedHashMap<>();
        add.put("_csrf", field(html, "_csrf"));
        add.put("idempotencyKey", field(html, "idempotencyKey"));
        add.put("id", "shi-zhujianju");
        add.put("name", "市住建局");
        add.put("kind", "CITY_DEPARTMENT");
        add.put("contacts", "zhujianju@lyg.gov.cn；liaison@lyg.gov.cn");
        add.put("liaisonName", "<b>李明</b>");
        for (int i = 0; i < 2; i++) { // a retried post lands on the same unit
            HttpApiResponse added = call(fromOurPage(HttpApiEvent.post("/admin/units").cookieHeader(coordinator))
                    .form(form(add)));
            assertThat(added.status()).as(added.text()).isEqualTo(303);
            assertThat(added.header("location")).hasValue("/admin/units/shi-zhujianju?done=added");
        }
        assertThat(directory().unit("shi-zhujianju")).hasValueSatisfying(u -> {
            assertThat(u.contacts()).containsExactly("zhujianju@lyg.gov.cn", "liaison@lyg.gov.cn");
            assertThat(u.liaisonName()).isEqualTo("<b>李明</b>");
        });
        assertThat(trail().stream().filter(e -> e.action() == AuditAction.UNIT_ADDED)).hasSize(1);
        String list = call(HttpApiEvent.get("/admin/units").cookieHeader(coordinator)).text();
        assertThat(list).contains("id=\"unit-shi-zhujianju\"").contains("&lt;b&gt;李明&lt;/b&gt;").doesNotContain("<b>李明");
        add.put("idempotencyKey", "add-again-other-key");
        add.put("name", "市住房和城乡建设局"); // another unit under a used id
        HttpApiResponse taken = call(fromOurPage(HttpApiEvent.post("/admin/units").cookieHeader(coordinator)).form(form(add)));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.text()).contains("单位代码 shi-zhujianju 已被使用");
        assertThat(call(HttpApiEvent.get("/admin/units/No_Such").cookieHeader(coordinator)).status()).isEqualTo(404);
    }

    private static Directory directory() {
        return ctx.getBean(Directory.class);
    }

    private static List<AuditEntry> trail() {
        return ctx.getBean(AuditLog.class).month(ctx.getBean(AuditTrail.class).currentMonth());
    }

    private static HttpApiEvent api(String[] route, String token) {
        HttpApiEvent e = HttpApiEvent.request(route[0], route[1]).header("Idempotency-Key", "api-attempt-1");
        if (route[2] != null) {
            e.json(route[2]);
        }
        return token == null ? e : bearer(e, token);
    }

    static HttpApiResponse call(HttpApiEvent e) {
        return FunctionFixture.invoke(handler, e);
    }

    /** Signs in through this class's function (the form helpers are the supervision loop test's). */
    static String signIn(String token) {
        HttpApiResponse login = call(fromOurPage(HttpApiEvent.post("/login")).form("token=" + token));
        assertThat(login.status()).as(login.text()).isEqualTo(303);
        return login.cookies().stream().filter(c -> !c.contains("Max-Age=0")).findFirst().orElseThrow().split(";", 2)[0];
    }
}
