package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25 item 4: the submission's credential check and its count against the limit are one call, with the
 * behaviour of the separate check and counter it replaced. The application's clock stands still (test.today), so
 * every request below falls in one minute and the limit's boundary is exact.
 *
 * <p>The rule: every submission request on a live credential counts once, form and API together; a replay under
 * the same Idempotency-Key counts as a request (it costs as much, and a client looping on one key is stopped) but
 * is stored once and counted once in the history.
 */
class SubmissionLimitTest {

    static final int LIMIT = 5;
    @RegisterExtension
    static final TestApp app = TestApp.running(Map.of("xilian.web.submissions-per-minute", LIMIT,
            "test.today", "2026-08-05"));
    static final ApiClient api = new ApiClient(app);
    static final String BODY = "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"进展\"}";

    @Test
    void theLimitsLastSubmissionPassesTheNextIsRefusedAndReplaysCountAsRequests() {
        String token = app.issue(Role.UNIT, "guanyun");
        assertThat(api.submit("2.5", token, "limit-key-1", BODY).statusCode()).isEqualTo(201);
        assertThat(api.submit("2.5", token, "limit-key-1", BODY).statusCode()).as("a replay").isEqualTo(200);
        for (int i = 2; i <= LIMIT - 1; i++) {
            assertThat(api.submit("2.5", token, "limit-key-" + i, BODY).statusCode()).as("request %d", i + 1)
                    .isEqualTo(201);
        }
        HttpResponse<String> refused = api.submit("2.5", token, "limit-key-6", BODY);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.body()).contains("\"code\":\"TOO_MANY_SUBMISSIONS\"")
                .contains("每个凭据每分钟最多提交 " + LIMIT + " 次");
        assertThat(api.submit("2.5", token, "limit-key-1", BODY).statusCode()).as("a replay at the limit")
                .isEqualTo(429);
        assertThat(app.history("2.5")).extracting(s -> s.idempotencyKey())
                .containsExactlyInAnyOrder("limit-key-1", "limit-key-2", "limit-key-3", "limit-key-4");
        // The count is the credential's: another credential of the same unit is not affected.
        assertThat(api.submit("2.5", app.issue(Role.UNIT, "guanyun"), BODY).statusCode()).isEqualTo(201);
    }

    @Test
    void formAndApiCountTogether() {
        String token = app.issue(Role.UNIT, "donghai");
        String cookie = Http.signIn(app.url(""), token);
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(api.submit("2.8", token, BODY).statusCode()).isEqualTo(201);
        }
        Map<String, String> form = new HashMap<>(Http.inputs(Http.get(app.url("/tasks/2.8"), cookie).body()));
        form.put("status", "IN_PROGRESS");
        form.put("percent", "40");
        form.put("progress", "网页填报");
        form.put("reporter", "张三");
        form.put("phone", "0518-85800000");
        assertThat(Http.postForm(app.url("/tasks/2.8"), cookie, form).statusCode()).as("the limit's last, by form")
                .isEqualTo(303);
        form.put("idempotencyKey", "form-over-the-limit");
        HttpResponse<String> page = Http.postForm(app.url("/tasks/2.8"), cookie, form);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("每个凭据每分钟最多提交 " + LIMIT + " 次");
        assertThat(api.submit("2.8", token, BODY).statusCode()).isEqualTo(429);
        assertThat(app.history("2.8")).hasSize(LIMIT);
    }

    /** Refused as before, with the answers of any other API route: nothing tells a known token from an unknown one. */
    @Test
    void unknownRevokedAndExpiredTokensAreRefusedAsOnEveryApiRoute() {
        Credentials credentials = app.ctx.getBean(Credentials.class);
        String revoked = app.issue(Role.UNIT, "guannan");
        credentials.revoke(revoked);
        String expired = Tokens.newToken();
        Instant now = app.ctx.getBean(java.time.Clock.class).instant();
        app.ctx.getBean(CredentialRepository.class).create(new Credential(Tokens.sha256Hex(expired), Role.UNIT,
                "guannan", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), null));
        Map<String, String> codes = Map.of(Tokens.newToken(), "CREDENTIAL_INVALID", "not-a-token", "CREDENTIAL_INVALID",
                revoked, "CREDENTIAL_REVOKED", expired, "CREDENTIAL_EXPIRED");
        codes.forEach((token, code) -> {
            HttpResponse<String> submit = api.submit("2.9", token, BODY);
            HttpResponse<String> read = api.get("/api/v1/tasks", token);
            assertThat(submit.statusCode()).as(code).isEqualTo(401);
            assertThat(submit.body()).as(code).contains("\"code\":\"" + code + "\"").isEqualTo(read.body());
            assertThat(submit.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(read.headers().firstValue("WWW-Authenticate"));
        });
        assertThat(app.history("2.9")).isEmpty();
        assertThat(List.of(revoked, expired)).allSatisfy(t -> assertThat(api.submit("2.9", t, BODY).statusCode())
                .isEqualTo(401));
    }
}
