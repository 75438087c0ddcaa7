package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressInput;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.ProgressInputBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API over real HTTP: access rules, every bad input, replay, concurrency, late arrival. */
class ApiTest {

    // Concurrency and replays, not abuse: 200 submissions share a few credentials within a minute. The cap
    // itself is tested in HistoryBoundsSecurityTest.
    @RegisterExtension
    static final TestApp app = TestApp.running(java.util.Map.of("xilian.web.submissions-per-minute", 10_000));
    static String huiyu;

    @BeforeAll
    static void start() {
        huiyu = app.issue(Role.UNIT, "park-huiyu");
    }

    static HttpResponse<String> post(String path, String token, String key, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return Http.send(b.build());
    }

    static HttpResponse<String> submit(String taskId, String token, String key, String json) {
        return post("/api/v1/tasks/" + taskId + "/progress", token, key, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String path, String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return app.ctx.getBean(JsonMapper.class).readValue(r.body(), JsonNode.class);
        } catch (IOException e) {
            throw new RuntimeException(r.body(), e);
        }
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static String body(String percent, String progress) {
        return "{\"status\":\"推进中\",\"percent\":" + percent + ",\"progress\":" + progress + "}";
    }

    /** Asserts the error's status, code and Chinese message, and that task 2.6 still has no submission. */
    static void refused(HttpResponse<String> r, int status, String code, String messagePart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        JsonNode j = json(r);
        assertThat(j.get("code").getStringValue()).isEqualTo(code);
        assertThat(j.get("message").getStringValue()).contains(messagePart);
        assertThat(app.history("2.6")).isEmpty();
    }

    @Test
    void everyBadInputIsRefusedAndStoresNothing() {
        refused(submit("2.6", huiyu, key(), body("150", "\"进展\"")), 422, "PERCENT_OUT_OF_RANGE", "0到100");
        refused(submit("2.6", huiyu, key(), body("-1", "\"进展\"")), 422, "PERCENT_OUT_OF_RANGE", "0到100");
        refused(submit("2.6", huiyu, key(), body("\"abc\"", "\"进展\"")), 422, "PERCENT_NOT_A_NUMBER", "整数");
        refused(submit("2.6", huiyu, key(), body("10", "\"  \"")), 422, "PROGRESS_REQUIRED", "请填写进展情况");
        refused(submit("2.6", huiyu, key(), body("10", "\"" + "进".repeat(SubmitProgress.MAX_TEXT + 1) + "\"")),
                422, "PROGRESS_TOO_LONG", "不能超过2000字");
        refused(submit("9.9", huiyu, key(), body("10", "\"进展\"")), 404, "UNKNOWN_TASK", "没有编号为");
        refused(submit("1.1", huiyu, key(), body("10", "\"进展\"")), 403, "NOT_RESPONSIBLE", "不是任务");
        refused(submit("2.6", Tokens.newToken(), key(), body("10", "\"进展\"")), 401, "CREDENTIAL_INVALID", "凭据无效");
        refused(submit("2.6", null, key(), body("10", "\"进展\"")), 401, "CREDENTIAL_MISSING", "缺少凭据");
        refused(submit("2.6", huiyu, key(), "{\"status\": \"推进中\", "), 400, "MALFORMED_JSON", "JSON");
        refused(submit("2.6", huiyu, key(), "[1,2]"), 400, "MALFORMED_JSON", "JSON");
        refused(submit("2.6", huiyu, "short", body("10", "\"进展\"")), 400, "IDEMPOTENCY_KEY_INVALID", "Idempotency-Key");
        refused(post("/api/v1/tasks/2.6/progress", huiyu, key(), "text/plain",
                body("10", "\"进展\"").getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE", "内容类型");
        byte[] badUtf8 = "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"AB\"}".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 4] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
        refused(post("/api/v1/tasks/2.6/progress", huiyu, key(), "application/json", badUtf8), 400, "INVALID_UTF8", "UTF-8");
        byte[] big = body("10", "\"" + "x".repeat(70_000) + "\"").getBytes(StandardCharsets.UTF_8);
        refused(post("/api/v1/tasks/2.6/progress", huiyu, key(), "application/json", big), 413, "BODY_TOO_LARGE", "64 KB");

        String expired = Tokens.newToken();
        app.ctx.getBean(CredentialRepository.class).create(new Credential(Tokens.sha256Hex(expired), Role.UNIT,
                "park-huiyu", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), null));
        refused(submit("2.6", expired, key(), body("10", "\"进展\"")), 401, "CREDENTIAL_EXPIRED", "过期");
        String revoked = app.issue(Role.UNIT, "park-huiyu");
        app.ctx.getBean(CredentialRepository.class).revoke(Tokens.sha256Hex(revoked), Instant.now());
        refused(submit("2.6", revoked, key(), body("10", "\"进展\"")), 401, "CREDENTIAL_REVOKED", "吊销");
    }

    @Test
    void accessRules() {
        JsonNode mine = json(get("/api/v1/tasks", huiyu));
        List<String> ids = new ArrayList<>();
        mine.values().forEach(t -> ids.add(t.get("id").getStringValue()));
        assertThat(ids).containsExactlyElementsOf(app.plan.tasksFor("park-huiyu").stream().map(PlanTask::id).toList());
        assertThat(get("/api/v1/tasks?unit=donghai", huiyu).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/tasks/1.1", huiyu).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/tasks/2.2", huiyu).statusCode()).isEqualTo(200);

        String coordinator = app.issue(Role.COORDINATOR, null);
        assertThat(json(get("/api/v1/tasks", coordinator)).size()).isEqualTo(app.plan.tasks().size());
        assertThat(json(get("/api/v1/tasks?unit=donghai", coordinator)).size())
                .isEqualTo(app.plan.tasksFor("donghai").size());
        assertThat(json(get("/api/v1/units", coordinator)).size()).isEqualTo(app.plan.units().size());
        // A coordinator sees but does not report: there is no unit to report for.
        assertThat(submit("2.2", coordinator, key(), body("10", "\"进展\"")).statusCode()).isEqualTo(403);
    }

    @Test
    void replayReturnsTheOriginalAndStoresNothingNew() {
        String token = app.issue(Role.UNIT, "guanyun");
        String k = key();
        String b = "{\"status\":\"IN_PROGRESS\",\"percent\":30,\"progress\":\"<b>粗体</b> & 项目\",\"reporter\":\"李四\"}";
        HttpResponse<String> first = submit("2.5", token, k, b);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).get("replayed").getBooleanValue()).isFalse();
        HttpResponse<String> replay = submit("2.5", token, k, b);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json(replay).get("replayed").getBooleanValue()).isTrue();
        assertThat(json(replay).get("submission").get("submittedAt").getStringValue())
                .isEqualTo(json(first).get("submission").get("submittedAt").getStringValue());
        HttpResponse<String> conflict = submit("2.5", token, k, b.replace("30", "31"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).get("code").getStringValue()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(app.history("2.5")).hasSize(1);
        assertThat(app.history("2.5").get(0).progress()).isEqualTo("<b>粗体</b> & 项目");
        JsonNode detail = json(get("/api/v1/tasks/2.5", token));
        assertThat(detail.get("history").size()).isEqualTo(1);
        assertThat(detail.get("task").get("states").get(0).get("latest").get("percent").getIntValue()).isEqualTo(30);
    }

    @Test
    void twoHundredConcurrentSubmissionsAcrossUnits() throws Exception {
        List<String[]> pairs = new ArrayList<>();
        for (PlanTask t : app.plan.tasks()) {
            if (t.id().startsWith("3.")) {
                t.unitIds().forEach(u -> pairs.add(new String[]{t.id(), u}));
            }
        }
        Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        pairs.forEach(p -> tokens.computeIfAbsent(p[1], u -> app.issue(Role.UNIT, u)));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String[] p = pairs.get(i % pairs.size());
            int percent = i / pairs.size() * 10 + 1;
            results.add(pool.submit(() -> submit(p[0], tokens.get(p[1]), key(),
                    body(String.valueOf(percent), "\"第" + percent + "次\""))));
        }
        for (Future<HttpResponse<String>> f : results) {
            assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(201);
        }
        pool.shutdown();
        ProgressRepository repo = app.ctx.getBean(ProgressRepository.class);
        int total = 0;
        for (PlanTask t : app.plan.tasks()) {
            if (t.id().startsWith("3.")) {
                var history = repo.historyOfTask(2026, t.id());
                total += history.size();
                assertThat(history.stream().map(s -> s.unitId() + s.idempotencyKey()).distinct().count())
                        .isEqualTo(history.size());
                for (TaskUnitState s : repo.statesOfTask(2026, t.id())) {
                    var newest = history.stream().filter(h -> h.unitId().equals(s.unitId()))
                            .max((a, b) -> a.isNewerThan(b) ? 1 : b.isNewerThan(a) ? -1 : 0);
                    assertThat(s.latest() == null ? null : s.latest().idempotencyKey())
                            .isEqualTo(newest.map(x -> x.idempotencyKey()).orElse(null));
                }
            }
        }
        assertThat(total).isEqualTo(200);
    }

    @Test
    void anOlderSubmissionArrivingAfterANewerOneDoesNotBecomeLatest() {
        ProgressRepository repo = app.ctx.getBean(ProgressRepository.class);
        Principal donghai = new Principal(Role.UNIT, "donghai", "x");
        ProgressInput newer = ProgressInputBuilder.input().percent("60").progress("新的进展").key(key()).build();
        ProgressInput older = ProgressInputBuilder.input().percent("20").progress("旧的进展").key(key()).build();
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        assertThat(new SubmitProgress(repo, Clock.fixed(t, ZoneOffset.UTC)).submit(app.plan, donghai, "2.7", newer))
                .isInstanceOf(SubmitOutcome.Stored.class);
        assertThat(new SubmitProgress(repo, Clock.fixed(t.minusSeconds(3600), ZoneOffset.UTC))
                .submit(app.plan, donghai, "2.7", older)).isInstanceOf(SubmitOutcome.Stored.class);
        String token = app.issue(Role.UNIT, "donghai");
        JsonNode detail = json(get("/api/v1/tasks/2.7", token));
        assertThat(detail.get("task").get("states").get(0).get("latest").get("progress").getStringValue()).isEqualTo("新的进展");
        assertThat(detail.get("history").size()).isEqualTo(2);
    }
}
