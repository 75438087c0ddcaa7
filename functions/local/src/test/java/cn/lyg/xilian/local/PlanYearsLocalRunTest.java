package cn.lyg.xilian.local;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.web.PlanCache;
import cn.lyg.xilian.wiring.CatalogJson;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2026 and 2027 side by side through the local run (Netty), on 10 January 2027 (2026 in its close-out): 我的任务
 * lists the unit's tasks of both years, the year switcher and the task links carry the year, the unit reports on
 * both years; a year not held is 404. Restarted on 1 February 2027 on the same table, a write to the archived 2026
 * is refused with 409 and the Chinese message, from the page's form and through the API, nothing stored. In
 * January the coordinators download 2026's 年度总结 (.docx) while 2027 is current; a unit the 2027 catalog gives
 * no task has no 2027 in its year switcher.
 */
@ExtendWith(DynaliteExtension.class)
class PlanYearsLocalRunTest {

    private static final String UNIT = "park-huiyu";
    private static final String TASK = "2.2";
    /** A unit of 2026 that plan2027 gives no task. */
    private static final String FORMER = "city-finance";
    private static final String REPORT = "{\"status\":\"滞后\",\"percent\":20,\"figures\":{\"t1\":2},\"progress\":\"协调中\"}";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void twoYearsSideBySideThenTheArchivedYearRefusesWrites(Dynalite dynalite) throws Exception {
        String table;
        String token;
        try (LocalRun january = LocalRun.start(dynalite, "years", Map.of("test.today", "2027-01-10"))) {
            ApplicationContext ctx = january.server().getApplicationContext();
            table = ctx.getProperty("xilian.dynamodb.table", String.class).orElseThrow();
            ctx.getBean(CatalogRepository.class).load(plan2027());
            ctx.getBean(PlanCache.class).invalidate();
            token = ctx.getBean(Credentials.class).issue(Role.UNIT, UNIT, null).token();
            String cookie = signIn(january, token);

            HttpResponse<String> mine = get(january, "/", cookie);
            assertThat(mine.statusCode()).isEqualTo(200);
            assertThat(mine.body()).contains("2027年计划（进行中）", "2026年计划（收尾）", "计划年度",
                    "href=\"/tasks/" + TASK + "?year=2026\"", "href=\"/tasks/" + TASK + "\"");
            assertThat(mine.body().indexOf("2027年计划（进行中）")).isLessThan(mine.body().indexOf("2026年计划（收尾）"));

            HttpResponse<String> page2026 = get(january, "/tasks/" + TASK + "?year=2026", cookie);
            assertThat(page2026.statusCode()).isEqualTo(200);
            assertThat(page2026.body()).contains("action=\"/tasks/" + TASK + "?year=2026\"",
                    "<strong aria-current=\"page\">2026年（收尾）</strong>", "href=\"?year=2027\"");
            assertThat(get(january, "/board?year=2027", cookie).statusCode()).isEqualTo(200);
            assertThat(get(january, "/board?year=2025", cookie).statusCode()).isEqualTo(404);
            assertThat(get(january, "/board?year=27", cookie).statusCode()).isEqualTo(404);

            assertThat(api(january, "/api/v1/tasks/" + TASK + "/progress?year=2026", token, "local-years-2026").statusCode())
                    .isEqualTo(201);
            assertThat(api(january, "/api/v1/tasks/" + TASK + "/progress?year=2027", token, "local-years-2027").statusCode())
                    .isEqualTo(201);
            ProgressRepository progress = ctx.getBean(ProgressRepository.class);
            assertThat(progress.historyOfTaskUnit(2026, TASK, UNIT)).extracting(s -> s.idempotencyKey())
                    .containsExactly("local-years-2026");
            assertThat(progress.historyOfTaskUnit(2027, TASK, UNIT)).extracting(s -> s.idempotencyKey())
                    .containsExactly("local-years-2027");

            // 待办 of another year than the current one: its items and filters stay in that year.
            String coordinator = signIn(january, ctx.getBean(Credentials.class).issue(Role.COORDINATOR, null, null)
                    .token());
            HttpResponse<String> inbox2026 = get(january, "/inbox?year=2026", coordinator);
            assertThat(inbox2026.statusCode()).isEqualTo(200);
            assertThat(inbox2026.body()).contains("href=\"/tasks/" + TASK + "?year=2026#",
                    "<input type=\"hidden\" name=\"year\" value=\"2026\">", "kind=REVIEW&amp;year=2026");
            HttpResponse<String> inbox = get(january, "/inbox", coordinator);
            assertThat(inbox.body()).contains("href=\"/tasks/" + TASK + "#").doesNotContain("?year=2026#");

            // 年度总结 of 2026 while 2027 is current: the year is the path's; the page and both files for coordinators.
            HttpResponse<String> summary = get(january, "/summary/2026", coordinator);
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(summary.body()).contains("2026年度总结", "href=\"/summary/2026/summary.docx\"");
            HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(URI.create(january.base()
                    + "/summary/2026/summary.docx")).header("Cookie", coordinator).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(docx.statusCode()).isEqualTo(200);
            assertThat(docx.headers().firstValue("Content-Type").orElseThrow()).contains("wordprocessingml");
            assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("filename=\"xilian-summary-2026-2027-01-10.docx\"");
            String document = documentXml(docx.body());
            String unitName = ctx.getBean(CatalogRepository.class).plan(2026).orElseThrow().unit(UNIT).orElseThrow().name();
            assertThat(document).contains("2026年锡连南北结对帮扶合作工作总结", "一、总体情况", unitName);
            assertThat(get(january, "/summary/2026/summary.docx", cookie).statusCode()).as("a unit").isEqualTo(403);
            assertThat(get(january, "/summary/2025/summary.docx", coordinator).statusCode()).isEqualTo(404);

            // A unit the 2027 catalog gives no task: its pages switch to no year but 2026.
            String former = signIn(january, ctx.getBean(Credentials.class).issue(Role.UNIT, FORMER, null).token());
            HttpResponse<String> formerPage = get(january, "/?year=2026", former);
            assertThat(formerPage.statusCode()).isEqualTo(200);
            assertThat(formerPage.body()).doesNotContain("href=\"?year=2027\"", "2027年（进行中）");
            assertThat(get(january, "/?year=2026", cookie).body()).contains("href=\"?year=2027\"");
        }

        try (LocalRun february = LocalRun.start(dynalite, "years-feb",
                Map.of("test.today", "2027-02-01", "xilian.dynamodb.table", table))) {
            String cookie = signIn(february, token);
            HttpResponse<String> page = get(february, "/tasks/" + TASK + "?year=2026", cookie);
            assertThat(page.statusCode()).as("an archived year is still read").isEqualTo(200);
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(february.base() + "/tasks/" + TASK
                            + "?year=2026"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .header("Origin", february.base())
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf(page.body()))
                            + "&idempotencyKey=local-years-late-form&status=" + enc("滞后") + "&percent=30&progress="
                            + enc("协调中"))).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> json = api(february, "/api/v1/tasks/" + TASK + "/progress?year=2026", token,
                    "local-years-late-api");
            HttpResponse<String> open = api(february, "/api/v1/tasks/" + TASK + "/progress?year=2027", token,
                    "local-years-2027-feb");

            assertThat(form.statusCode()).isEqualTo(409);
            assertThat(form.body()).contains("2026年计划已归档，不能再填报");
            assertThat(json.statusCode()).isEqualTo(409);
            assertThat(json.body()).contains("YEAR_ARCHIVED", "2026年计划已归档，不能再填报");
            assertThat(open.statusCode()).isEqualTo(201);
            assertThat(february.server().getApplicationContext().getBean(ProgressRepository.class)
                    .historyOfTaskUnit(2026, TASK, UNIT)).extracting(s -> s.idempotencyKey())
                    .containsExactly("local-years-2026");
        }
    }

    /** The 2026 catalog with every "2026" made "2027" (no 2027 notice exists yet), without tasks for {@link #FORMER}. */
    private static Plan plan2027() throws Exception {
        String json = Files.readString(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json")).replace("2026", "2027");
        Plan copy = CatalogJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        List<PlanTask> tasks = copy.tasks().stream().map(t -> new PlanTask(t.id(), t.sectionId(), t.title(), t.text(),
                        t.unitIds().stream().filter(u -> !u.equals(FORMER)).toList(), t.deadline(), t.milestones(),
                        t.targets().stream().filter(x -> !FORMER.equals(x.unitId())).toList()))
                .filter(t -> !t.unitIds().isEmpty()).toList();
        assertThat(tasks).hasSameSizeAs(copy.tasks());
        return new Plan(copy.year(), copy.title(), copy.docNumber(), copy.issuedOn(), copy.sections(), copy.units(), tasks);
    }

    /** The text of a .docx's main part. */
    private static String documentXml(byte[] docx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }

    private String signIn(LocalRun run, String token) throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(run.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", run.base())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + enc(token))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
        return signIn.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    private HttpResponse<String> get(LocalRun run, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(run.base() + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(LocalRun run, String path, String token, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(run.base() + path))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REPORT)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a form with its CSRF token").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
