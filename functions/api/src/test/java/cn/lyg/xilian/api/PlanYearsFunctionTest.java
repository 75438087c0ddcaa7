package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2026 and 2027 side by side through the API Lambda handler with API Gateway (payload 2.0) events, on 10 January
 * 2027 (2026 in its close-out): the year comes from {@code ?year=}, the current one (2027) without it; a unit
 * reports on both years; a year the deployment does not hold, or not four digits, is 404. A second function on
 * the same table, on 1 February 2027, refuses a write to the archived 2026 with 409 and stores nothing (so nothing
 * is sent: a report's notification follows its stored item), without counting it against the per-minute limit.
 * In January the coordinators read 2026's 年度总结 through GET /api/v1/summary/2026.
 */
@ExtendWith(DynaliteExtension.class)
class PlanYearsFunctionTest {

    private static final String TASK = "2.2";
    private static final String UNIT = "park-huiyu";
    private static final String REPORT = "{\"status\":\"滞后\",\"percent\":20,\"figures\":{\"t1\":2},\"progress\":\"协调中\"}";

    static FunctionFixture january;
    static ApplicationContext ctx;
    static String token;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        january = FunctionFixture.start(dynalite.endpoint(), "years", Map.of("test.today", "2027-01-10"));
        ctx = january.ctx();
        ctx.getBean(CatalogRepository.class).load(FunctionFixture.plan2027());
        token = ctx.getBean(Credentials.class).issue(Role.UNIT, UNIT, null).token();
    }

    @AfterAll
    static void stop() {
        january.close();
    }

    @Test
    void aUnitReportsOnBothYearsInJanuaryAndTheYearComesFromTheUrl() {
        HttpApiResponse on2026 = call(january, post("/api/v1/tasks/" + TASK + "/progress?year=2026", "years-2026-0001"));
        HttpApiResponse on2027 = call(january, post("/api/v1/tasks/" + TASK + "/progress?year=2027", "years-2027-0001"));
        HttpApiResponse current = call(january, post("/api/v1/tasks/" + TASK + "/progress", "years-2027-0002"));

        assertThat(on2026.status()).as(on2026.text()).isEqualTo(201);
        assertThat(on2027.status()).as(on2027.text()).isEqualTo(201);
        assertThat(current.status()).as("no year: the current one, 2027").isEqualTo(201);
        ProgressRepository progress = ctx.getBean(ProgressRepository.class);
        assertThat(progress.historyOfTaskUnit(2026, TASK, UNIT)).extracting(s -> s.idempotencyKey())
                .containsExactly("years-2026-0001");
        assertThat(progress.historyOfTaskUnit(2027, TASK, UNIT)).extracting(s -> s.idempotencyKey())
                .containsExactlyInAnyOrder("years-2027-0001", "years-2027-0002");

        HttpApiResponse tasks2026 = call(january, get("/api/v1/tasks/" + TASK + "?year=2026"));
        HttpApiResponse tasks2027 = call(january, get("/api/v1/tasks/" + TASK));
        assertThat(tasks2026.status()).isEqualTo(200);
        assertThat(tasks2026.text()).contains("2026-").doesNotContain("years-2027-");
        assertThat(tasks2027.text()).contains("2027-").contains("years-2027-0002").doesNotContain("years-2026-");
    }

    @Test
    void aYearNotHeldOrNotFourDigitsIsNotFound() {
        for (String year : new String[]{"2025", "02026", "2026a", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96", ""}) {
            HttpApiResponse r = call(january, get("/api/v1/tasks?year=" + year));
            assertThat(r.status()).as(year + ": " + r.text()).isEqualTo(404);
        }
    }

    @Test
    void credentialsSpanTheYearsAndLastThroughTheNewestOpenOne() {
        Instant expiry = ctx.getBean(Credentials.class).defaultExpiry();
        assertThat(expiry).isAfter(LocalDate.of(2028, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        assertThat(call(january, get("/api/v1/tasks?year=2026")).status()).isEqualTo(200);
        assertThat(call(january, get("/api/v1/tasks?year=2027")).status()).isEqualTo(200);
    }

    @Test
    void anArchivedYearRefusesWritesWith409AndStoresNothing(Dynalite dynalite) throws Exception {
        String table = ctx.getProperty("xilian.dynamodb.table", String.class).orElseThrow();
        try (FunctionFixture february = FunctionFixture.start(dynalite.endpoint(), "years-feb",
                Map.of("test.today", "2027-02-01", "xilian.dynamodb.table", table))) {
            HttpApiResponse refused = call(february, post("/api/v1/tasks/" + TASK + "/progress?year=2026",
                    "years-2026-late"));
            HttpApiResponse read = call(february, get("/api/v1/tasks/" + TASK + "?year=2026"));

            HttpApiResponse open = call(february, post("/api/v1/tasks/" + TASK + "/progress?year=2027",
                    "years-2027-feb"));

            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.text()).contains("YEAR_ARCHIVED").contains("2026年计划已归档，不能再填报");
            assertThat(ctx.getBean(ProgressRepository.class).historyOfTaskUnit(2026, TASK, UNIT))
                    .noneMatch(s -> s.idempotencyKey().equals("years-2026-late"));
            assertThat(read.status()).as("an archived year is still read").isEqualTo(200);
            assertThat(open.status()).as("the open year is written: " + open.text()).isEqualTo(201);
        }
    }

    @Test
    void theYearSummaryOf2026InJanuaryForCoordinatorsOnly() throws Exception {
        String coordinator = ctx.getBean(Credentials.class).issue(Role.COORDINATOR, null, null).token();
        call(january, post("/api/v1/tasks/" + TASK + "/progress?year=2026", "years-2026-summary"));
        HttpApiResponse summary = call(january, HttpApiEvent.get("/api/v1/summary/2026")
                .header("Authorization", "Bearer " + coordinator));
        HttpApiResponse next = call(january, HttpApiEvent.get("/api/v1/summary/2027")
                .header("Authorization", "Bearer " + coordinator));

        assertThat(summary.status()).as(summary.text()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(summary.text());
        assertThat(body.get("year").asInt()).as("the path's year, while 2027 is current").isEqualTo(2026);
        assertThat(body.get("asOf").asText()).isEqualTo("2027-01-10");
        assertThat(body.get("totals").get("counts").get("pairs").asInt()).isEqualTo(body.get("pairs").size()).isGreaterThan(50);
        assertThat(body.get("units").get(0).get("rank").asInt()).isEqualTo(1);
        JsonNode pair = null;
        for (JsonNode p : body.get("pairs")) {
            if (p.get("taskId").asText().equals(TASK) && p.get("unitId").asText().equals(UNIT)) {
                pair = p;
            }
        }
        assertThat(pair).isNotNull();
        assertThat(pair.get("status").asText()).isEqualTo("滞后");
        assertThat(pair.get("timeliness").asText()).isIn("OPEN", "OVERDUE");
        assertThat(next.status()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(next.text()).get("year").asInt()).isEqualTo(2027);

        assertThat(call(january, get("/api/v1/summary/2026")).status()).as("a unit").isEqualTo(403);
        HttpApiResponse notHeld = call(january, HttpApiEvent.get("/api/v1/summary/2025")
                .header("Authorization", "Bearer " + coordinator));
        assertThat(notHeld.status()).isEqualTo(404);
        assertThat(notHeld.text()).contains("NO_SUCH_YEAR");
        assertThat(call(january, HttpApiEvent.get("/api/v1/summary/26")
                .header("Authorization", "Bearer " + coordinator)).text()).contains("UNKNOWN_YEAR");
    }

    private static HttpApiEvent post(String path, String key) {
        return HttpApiEvent.post(path).header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .json(REPORT);
    }

    private static HttpApiEvent get(String path) {
        return HttpApiEvent.get(path).header("Authorization", "Bearer " + token);
    }

    private static HttpApiResponse call(FunctionFixture f, HttpApiEvent e) {
        return FunctionFixture.invoke(f.handler(), e);
    }
}
