package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 5: history is paginated on every view (200 submissions grew the task page and the API
 * answer from 6 KB to 3.67 MB), and submissions per credential per minute are capped with a clear 429.
 */
class HistoryBoundsSecurityTest {

    static final int LIMIT_PER_MINUTE = 5;
    @RegisterExtension
    static final TestApp app = TestApp.running(Map.of("xilian.web.submissions-per-minute", LIMIT_PER_MINUTE));
    static ApiClient api;

    @BeforeAll
    static void start() {
        api = new ApiClient(app);
        // 200 reports of 东海县 on 2.8, 1.9 KB of text each, one minute apart (stored directly: a fixture).
        ProgressRepository repo = app.ctx.getBean(ProgressRepository.class);
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        IntStream.range(0, 200).parallel().forEach(i -> repo.record(SubmissionBuilder.submission("2.8", "donghai")
                .key("bulk-%04d".formatted(i)).percent(i / 2).progress("第" + i + "次进展" + "长".repeat(1900))
                .reporter("测试").at(start.plusSeconds(60L * i)).build()));
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return app.ctx.getBean(JsonMapper.class).readValue(r.body(), JsonNode.class);
    }

    @Test
    void theApiPagesThroughTheWholeHistoryNewestFirstInBoundedPages() throws IOException {
        String token = app.issue(Role.UNIT, "donghai");
        List<String> keys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> r = api.get("/api/v1/tasks/2.8?limit=50"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body().length()).as("one page, not the whole history").isLessThan(400 * 1024);
            JsonNode body = json(r);
            assertThat(body.get("history").size()).isLessThanOrEqualTo(50);
            body.get("history").values().forEach(h -> keys.add(h.get("idempotencyKey").getStringValue()));
            cursor = body.get("historyNext") == null || body.get("historyNext").isNull() ? null
                    : body.get("historyNext").getStringValue();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(keys).hasSize(200).doesNotHaveDuplicates()
                .containsExactlyElementsOf(IntStream.range(0, 200).map(i -> 199 - i).mapToObj("bulk-%04d"::formatted).toList());

        HttpResponse<String> first = api.get("/api/v1/tasks/2.8", token);
        assertThat(json(first).get("history").size()).isEqualTo(10); // the default page
        assertThat(first.body().length()).isLessThan(80 * 1024);
    }

    @Test
    void cursorsAreValidatedAndLimitsBounded() throws IOException {
        String token = app.issue(Role.UNIT, "donghai");
        for (String bad : List.of("not-a-cursor", Base64.getUrlEncoder().encodeToString("v1 x y z".getBytes()),
                Base64.getUrlEncoder().encodeToString("v1 2026-03-01T00:00:00Z k\" donghai".getBytes()))) {
            HttpResponse<String> r = api.get("/api/v1/tasks/2.8?cursor=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), token);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("code").getStringValue()).isEqualTo("BAD_CURSOR");
        }
        assertThat(api.get("/api/v1/tasks/2.8?limit=51", token).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/tasks/2.8?limit=0", token).statusCode()).isEqualTo(400);
        // Another unit's cursor only positions within the asker's own history: 东海县's reports stay hidden.
        String other = app.issue(Role.UNIT, "guanyun"); // also responsible for 2.8? if not, 403 either way
        String donghaiCursor = json(api.get("/api/v1/tasks/2.8", token)).get("historyNext").getStringValue();
        HttpResponse<String> r = api.get("/api/v1/tasks/2.8?cursor=" + donghaiCursor, other);
        assertThat(r.body()).doesNotContain("bulk-");
    }

    @Test
    void theTaskPageShowsOnePagePerUnitWithALinkToOlderOnes() {
        String cookie = Http.signIn(app.url(""), app.issue(Role.UNIT, "donghai"));
        HttpResponse<String> page = Http.get(app.url("/tasks/2.8"), cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().length()).as("10 reports of ~6 KB, not 200").isLessThan(100 * 1024);
        assertThat(page.body()).contains("第199次进展").contains("第190次进展").doesNotContain("第189次进展");
        Matcher older = Pattern.compile("href=\"(/tasks/2\\.8\\?unit=donghai&amp;before=[A-Za-z0-9_-]+#history-donghai)\"")
                .matcher(page.body());
        assertThat(older.find()).as("a link to older reports").isTrue();
        HttpResponse<String> next = Http.get(app.url(older.group(1).replace("&amp;", "&").replaceAll("#.*", "")), cookie);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("第189次进展").contains("第180次进展").doesNotContain("第190次进展")
                .doesNotContain("第179次进展");
    }

    @Test
    void submissionsPerCredentialPerMinuteAreCapped() throws IOException {
        String token = app.issue(Role.UNIT, "park-huiyu");
        String body = "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"进展\"}";
        int accepted = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < LIMIT_PER_MINUTE + 3 && refused == null; i++) {
            HttpResponse<String> r = api.submit("2.2", token, body);
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                refused = r;
            }
        }
        // A minute boundary may fall inside the loop; then the next minute's count starts over.
        assertThat(accepted).isBetween(LIMIT_PER_MINUTE, 2 * LIMIT_PER_MINUTE);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(json(refused).get("code").getStringValue()).isEqualTo("TOO_MANY_SUBMISSIONS");
        assertThat(json(refused).get("message").getStringValue()).contains("每分钟最多提交 " + LIMIT_PER_MINUTE + " 次");
        assertThat(app.history("2.2")).hasSize(accepted);
        // Another credential is not affected.
        assertThat(api.submit("2.2", app.issue(Role.UNIT, "park-huiyu"), body).statusCode()).isEqualTo(201);
    }
}
