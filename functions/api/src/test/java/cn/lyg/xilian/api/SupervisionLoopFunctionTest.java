package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.alert.Finding;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision loop through the API Lambda handler with API Gateway (payload 2.0) events: a unit reports from
 * the form, the coordinator sends it back through the JSON API (a unit trying gets 403), the unit sees the reason
 * and reports again, the coordinator accepts from the task page's form, the unit requests an extension from its
 * form and the coordinator approves it through the JSON API with another date; the state's deadline and the
 * alert rules as of a day before and after the approval follow the new date.
 */
@ExtendWith(DynaliteExtension.class)
class SupervisionLoopFunctionTest {

    private static final String TASK = "2.5";
    private static final String UNIT = "guanyun";

    static ApiHandler handler;
    static ApplicationContext ctx;
    static Plan plan;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        FunctionFixture function = FunctionFixture.start(dynalite.endpoint(), "supervision", Map.of());
        ctx = function.ctx();
        handler = function.handler();
        plan = function.plan();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @AfterAll
    static void everyAwsCallIsDeclared() throws Exception {
        FunctionFixture.assertEveryAwsCallDeclared();
    }

    @Test
    void reportSendBackReportAgainAcceptExtendAndTheDeadlineFollows() {
        Credentials credentials = ctx.getBean(Credentials.class);
        String unitToken = credentials.issue(Role.UNIT, UNIT, Duration.ofDays(7)).token();
        String coordinatorToken = credentials.issue(Role.COORDINATOR, null, Duration.ofDays(7)).token();
        String unit = signIn(unitToken);
        String coordinator = signIn(coordinatorToken);

        // 1. The unit reports from the form.
        String firstKey = report(unit, "30", "完成园区道路规划");

        // The report waits in 待办, the coordinators' landing page and its JSON, counted in every page's header.
        HttpApiResponse home = call(HttpApiEvent.get("/").cookieHeader(coordinator));
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.header("location")).contains("/inbox");
        HttpApiResponse inboxPage = call(HttpApiEvent.get("/inbox?kind=REVIEW").cookieHeader(coordinator));
        assertThat(inboxPage.status()).as(inboxPage.text()).isEqualTo(200);
        assertThat(inboxPage.text()).contains("href=\"/tasks/" + TASK + "#unit-" + UNIT + "\"").contains("去审核");
        HttpApiResponse inbox = call(bearer(HttpApiEvent.get("/api/v1/inbox?kind=REVIEW&unit=" + UNIT),
                coordinatorToken));
        assertThat(inbox.status()).as(inbox.text()).isEqualTo(200);
        assertThat(inbox.text()).contains("\"kind\":\"REVIEW\"").contains("\"taskId\":\"" + TASK + "\"")
                .contains("\"forCoordinators\":1");
        assertThat(call(bearer(HttpApiEvent.get("/api/v1/inbox"), unitToken)).status()).isEqualTo(403);
        assertThat(call(HttpApiEvent.get("/board?review=PENDING").cookieHeader(coordinator)).text())
                .contains("id=\"task-" + TASK + "\"");

        // 2. The coordinator sends it back through the JSON API; the unit cannot review (403); a retry replays.
        String reviewBody = "{\"unit\":\"" + UNIT + "\",\"submission\":\"" + firstKey
                + "\",\"decision\":\"RETURNED\",\"reason\":\"缺少佐证材料，请补充照片\"}";
        HttpApiResponse byUnit = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reviews"), unitToken)
                .header("Idempotency-Key", "unit-review-1").json(reviewBody));
        assertThat(byUnit.status()).isEqualTo(403);
        assertThat(byUnit.text()).contains("\"code\":\"COORDINATOR_ONLY\"");
        HttpApiResponse noKey = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reviews"), coordinatorToken)
                .json(reviewBody));
        assertThat(noKey.status()).isEqualTo(400);
        HttpApiResponse returned = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reviews"), coordinatorToken)
                .header("Idempotency-Key", "review-returned-1").json(reviewBody));
        assertThat(returned.status()).as(returned.text()).isEqualTo(201);
        assertThat(returned.text()).contains("\"replayed\":false").contains("RETURNED");
        HttpApiResponse replay = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reviews"), coordinatorToken)
                .header("Idempotency-Key", "review-returned-1").json(reviewBody));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text()).contains("\"replayed\":true");
        HttpApiResponse otherVerdict = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reviews"), coordinatorToken)
                .header("Idempotency-Key", "review-accepted-x").json(reviewBody.replace("RETURNED", "ACCEPTED")));
        assertThat(otherVerdict.status()).isEqualTo(409);
        assertThat(otherVerdict.text()).contains("ALREADY_REVIEWED");
        assertThat(state().returned()).isTrue();
        assertThat(call(bearer(HttpApiEvent.get("/api/v1/inbox?unit=" + UNIT), coordinatorToken)).text())
                .contains("\"kind\":\"RETURNED\"").contains("缺少佐证材料，请补充照片")
                .doesNotContain("\"kind\":\"REVIEW\",\"kindLabel\":\"待审核\",\"taskId\":\"" + TASK + "\"");

        // 3. The unit's task page shows the return and its reason; it reports again.
        HttpApiResponse unitPage = call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(unit));
        assertThat(unitPage.text()).contains("本单位最新填报已被退回").contains("缺少佐证材料，请补充照片");
        String secondKey = report(unit, "40", "补充园区道路施工照片");
        assertThat(state().returned()).isFalse();
        assertThat(state().review()).isNull();

        // 4. The coordinator accepts from the task page's form (CSRF of the session, key of the form).
        HttpApiResponse coordinatorPage = call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(coordinator));
        String html = coordinatorPage.text();
        assertThat(html).contains("最新填报待审核").contains("name=\"submission\" value=\"" + secondKey + "\"");
        Map<String, String> accept = new LinkedHashMap<>();
        accept.put("_csrf", field(html, "_csrf"));
        accept.put("idempotencyKey", "accept-form-" + secondKey);
        accept.put("unit", UNIT);
        accept.put("submission", secondKey);
        accept.put("reason", "");
        accept.put("decision", "ACCEPTED");
        HttpApiResponse accepted = call(fromOurPage(HttpApiEvent.post("/tasks/" + TASK + "/reviews").cookieHeader(coordinator))
                .form(form(accept)));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(303);
        assertThat(state().review().decision().label()).isEqualTo("通过");
        assertThat(call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(unit)).text()).contains("最新填报已通过");

        // 5. The unit requests an extension from its form; the coordinator approves another date through the API.
        String unitHtml = call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(unit)).text();
        assertThat(unitHtml).contains("申请延期");
        Map<String, String> ask = new LinkedHashMap<>();
        ask.put("_csrf", field(unitHtml, "_csrf"));
        ask.put("idempotencyKey", "extension-request-1");
        ask.put("date", "2027-02-28");
        ask.put("reason", "园区用地报批延迟");
        HttpApiResponse asked = call(fromOurPage(HttpApiEvent.post("/tasks/" + TASK + "/extensions").cookieHeader(unit))
                .form(form(ask)));
        assertThat(asked.status()).as(asked.text()).isEqualTo(303);
        HttpApiResponse second = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/extensions"), unitToken)
                .header("Idempotency-Key", "extension-request-2").json("{\"date\":\"2027-03-31\",\"reason\":\"再次申请\"}"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text()).contains("EXTENSION_PENDING");

        Plan p = plan;
        LocalDate dayBefore = LocalDate.of(2026, 12, 24); // lead-7 of the plan's date 12-31
        Evaluation before = evaluate(p, dayBefore);
        assertThat(occurrences(before)).contains("lead-7");

        HttpApiResponse approved = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/extensions/" + UNIT
                + "/extension-request-1/decision"), coordinatorToken)
                .json("{\"decision\":\"APPROVED\",\"date\":\"2027-01-31\",\"note\":\"同意延至1月底\"}"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(201);
        HttpApiResponse byUnitDecision = call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/extensions/" + UNIT
                + "/extension-request-1/decision"), unitToken).json("{\"decision\":\"APPROVED\"}"));
        assertThat(byUnitDecision.status()).isEqualTo(403);

        // 6. The pair's deadline is the approved date; the plan's stays visible; the rules follow the new date.
        assertThat(state().extendedDeadline()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(unit)).text())
                .contains("原定12月31日，经批准延期至2027年1月31日");
        Evaluation after = evaluate(p, dayBefore);
        assertThat(occurrences(after)).doesNotContain("lead-7");
        assertThat(occurrences(evaluate(p, LocalDate.of(2027, 1, 24)))).contains("extended-2027-01-31-lead-7");
        Assessment newYear = evaluate(p, LocalDate.of(2027, 1, 1)).assessments().stream()
                .filter(a -> a.taskId().equals(TASK) && a.unitId().equals(UNIT)).findFirst().orElseThrow();
        assertThat(newYear.summary()).contains("距延期截止还有30天").doesNotContain("逾期");

        HttpApiResponse supervision = call(bearer(HttpApiEvent.get("/api/v1/tasks/" + TASK + "/supervision"), unitToken));
        assertThat(supervision.status()).isEqualTo(200);
        assertThat(supervision.text()).contains("APPROVED").contains("同意延至1月底").contains("缺少佐证材料");
    }

    private static TaskUnitState state() {
        return ctx.getBean(ProgressRepository.class).statesOfTask(2026, TASK).stream()
                .filter(s -> s.unitId().equals(UNIT)).findFirst().orElseThrow();
    }

    private static Evaluation evaluate(Plan p, LocalDate asOf) {
        return new AlertEvaluator().evaluate(p, ctx.getBean(ProgressRepository.class).allStates(2026), asOf,
                AlertSettings.defaults().withQuietDays(false), WorkCalendar.fromClasspath());
    }

    private static List<String> occurrences(Evaluation e) {
        return e.due().stream().filter(f -> f.taskId().equals(TASK) && f.unitId().equals(UNIT))
                .map(Finding::occurrence).toList();
    }

    /** Reports from the task page's form; returns the submission's key. */
    static String report(String cookie, String percent, String progress) {
        String html = call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(cookie)).text();
        String key = html.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([A-Za-z0-9_-]+)\".*", "$1");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", field(html, "_csrf"));
        fields.put("idempotencyKey", key);
        fields.put("status", "推进中");
        fields.put("percent", percent);
        fields.put("progress", progress);
        HttpApiResponse posted = call(fromOurPage(HttpApiEvent.post("/tasks/" + TASK).cookieHeader(cookie)).form(form(fields)));
        assertThat(posted.status()).as(posted.text()).isEqualTo(303);
        return key;
    }

    static String field(String html, String name) {
        return html.replaceAll("(?s).*?name=\"" + name + "\" value=\"([^\"]+)\".*", "$1");
    }

    static HttpApiResponse call(HttpApiEvent e) {
        return FunctionFixture.invoke(handler, e);
    }

    static HttpApiEvent bearer(HttpApiEvent e, String token) {
        return e.header("authorization", "Bearer " + token);
    }

    static String signIn(String token) {
        HttpApiResponse login = call(fromOurPage(HttpApiEvent.post("/login")).form("token=" + token));
        assertThat(login.status()).as(login.text()).isEqualTo(303);
        return login.cookies().stream().filter(c -> !c.contains("Max-Age=0")).findFirst().orElseThrow().split(";", 2)[0];
    }

    /** As a browser posts from one of our pages (same origin). */
    static HttpApiEvent fromOurPage(HttpApiEvent e) {
        return e.header("origin", "https://abc123def4.execute-api.cn-north-1.amazonaws.com.cn")
                .header("sec-fetch-site", "same-origin");
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
