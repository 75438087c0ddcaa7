package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.access.CredentialRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 6 (the application's part; template.yaml's throttling, metric filter and alarm are checked
 * in tests/deploy SecurityTemplateTest): HSTS whenever the request came over https, and each failed sign-in
 * logged as one structured event without the token.
 */
class AbuseLimitsSecurityTest {

    @RegisterExtension
    static final TestApp app = TestApp.running();

    @Test
    void hstsOverHttpsOnly() {
        HttpResponse<String> https = Http.send(HttpRequest.newBuilder(URI.create(app.url("/catalog")))
                .header("X-Forwarded-Proto", "https").GET().build());
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).startsWith("max-age=31536000"));
        HttpResponse<String> error = Http.send(HttpRequest.newBuilder(URI.create(app.url("/tasks/2.8")))
                .header("X-Forwarded-Proto", "https").GET().build());
        assertThat(error.statusCode()).isEqualTo(401);
        assertThat(error.headers().firstValue("Strict-Transport-Security")).as("error pages too").isPresent();
        HttpResponse<String> plain = Http.get(app.url("/catalog"), null);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void failedSignInsAreStructuredEventsWithoutTheToken() throws Exception {
        String forged = Tokens.newToken();
        String revoked = app.issue(Role.UNIT, "donghai");
        app.ctx.getBean(CredentialRepository.class).revoke(Tokens.sha256Hex(revoked), Instant.now());
        assertThat(Http.get(app.url("/login?token=" + forged), null).statusCode()).isEqualTo(401);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/tasks")))
                .header("Authorization", "Bearer " + revoked).GET().build()).statusCode()).isEqualTo(401);

        Path log = Path.of("target/sign-in-events.log");
        List<String> events = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("{\"event\":\"SIGN_IN_FAILED\"")
                .contains("\"via\":\"login\"", "\"reason\":\"INVALID\"", "\"path\":\"/login\""));
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"via\":\"bearer\"", "\"reason\":\"REVOKED\"",
                "\"credential\":\"" + Tokens.sha256Hex(revoked).substring(0, 12) + "\""));
        assertThat(String.join("\n", events)).doesNotContain(forged).doesNotContain(revoked)
                .doesNotContain(Tokens.sha256Hex(revoked)); // at most the 12-digit id the admin command prints
    }
}
