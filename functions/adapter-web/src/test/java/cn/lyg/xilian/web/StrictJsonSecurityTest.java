package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 7: duplicate keys and unknown fields were accepted (the last key won, unknown fields were
 * ignored) and 4,500 unknown figure keys gave a 484 KB error body.
 */
class StrictJsonSecurityTest {

    @RegisterExtension
    static final TestApp app = TestApp.running(java.util.Map.of("xilian.web.submissions-per-minute", 1000));
    static ApiClient api;
    static String token;

    @BeforeAll
    static void start() {
        api = new ApiClient(app);
        token = app.issue(Role.UNIT, "park-huiyu");
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return app.ctx.getBean(JsonMapper.class).readValue(r.body(), JsonNode.class);
    }

    @Test
    void aDuplicateKeyIsRefusedNotResolved() throws IOException {
        HttpResponse<String> r = api.submit("2.6", token,
                "{\"status\":\"推进中\",\"percent\":10,\"percent\":100,\"progress\":\"进展\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").getStringValue()).isEqualTo("DUPLICATE_KEY");
        HttpResponse<String> nested = api.submit("2.6", token,
                "{\"status\":\"推进中\",\"percent\":10,\"figures\":{\"t1\":1,\"t1\":2},\"progress\":\"进展\"}");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(json(nested).get("code").getStringValue()).isEqualTo("DUPLICATE_KEY");
        assertThat(app.history("2.6")).isEmpty();
    }

    @Test
    void anUnknownTopLevelFieldIsRefused() throws IOException {
        HttpResponse<String> r = api.submit("2.6", token,
                "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"进展\",\"unitId\":\"donghai\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("code").getStringValue()).isEqualTo("UNKNOWN_FIELD");
        assertThat(body.get("fields").get("unitId").get("code").getStringValue()).isEqualTo("UNKNOWN_FIELD");
        assertThat(app.history("2.6")).isEmpty();
    }

    @Test
    void thousandsOfBadKeysGiveABoundedAnswer() throws IOException {
        String figures = IntStream.range(0, 4500).mapToObj(i -> "\"x" + i + "\":1").collect(Collectors.joining(","));
        HttpResponse<String> r = api.submit("2.6", token,
                "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"进展\",\"figures\":{" + figures + "}}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode body = json(r);
        assertThat(body.get("fields").size()).isEqualTo(20);
        assertThat(body.get("message").getStringValue()).contains("另有 4480 处字段错误未列出");
        assertThat(r.body().length()).isLessThan(8 * 1024);
        assertThat(app.history("2.6")).isEmpty();
    }
}
