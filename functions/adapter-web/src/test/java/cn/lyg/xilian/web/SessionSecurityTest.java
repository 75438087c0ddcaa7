package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.access.CredentialRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 1: the cookie is a server-side session, not the sign-in token. Through Netty on a socket.
 * Before the fix the cookie was the token itself: it survived sign-out, worked as a Bearer token and lived
 * 400 days.
 */
class SessionSecurityTest {

    @RegisterExtension
    static final TestApp app = TestApp.running();

    static String sessionId(String cookie) {
        return cookie.substring(cookie.indexOf('=') + 1);
    }

    @Test
    void theOldCookieIsRefusedAfterSignOut() {
        String cookie = Http.signIn(app.url(""), app.issue(Role.UNIT, "donghai"));
        HttpResponse<String> home = Http.get(app.url("/"), cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        String csrf = Http.inputs(home.body()).get("_csrf");
        assertThat(csrf).as("the sign-out form carries the CSRF token").isNotBlank();

        HttpResponse<String> out = Http.postForm(app.url("/logout"), cookie, Map.of("_csrf", csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("set-cookie").orElseThrow()).contains("Max-Age=0");

        HttpResponse<String> replay = Http.get(app.url("/"), cookie); // the copied cookie, replayed
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("SESSION_INVALID");
        assertThat(Http.get(app.url("/tasks/2.8"), cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionIdIsNeverABearerTokenAndTheTokenIsNeverACookie() {
        String token = app.issue(Role.UNIT, "donghai");
        String cookie = Http.signIn(app.url(""), token);
        assertThat(sessionId(cookie)).isNotEqualTo(token);
        HttpResponse<String> asBearer = Http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/tasks")))
                .header("Authorization", "Bearer " + sessionId(cookie)).GET().build());
        assertThat(asBearer.statusCode()).isEqualTo(401);
        assertThat(asBearer.body()).contains("CREDENTIAL_INVALID");
        // The API never reads the cookie, and the page never takes the raw token as a cookie.
        assertThat(Http.get(app.url("/api/v1/tasks"), cookie).statusCode()).isEqualTo(401);
        assertThat(Http.get(app.url("/"), "xilian_session=" + token).statusCode()).isEqualTo(401);
        assertThat(Http.get(app.url("/"), "xilian_token=" + token).statusCode()).isEqualTo(401);
    }

    @Test
    void cookieAttributesOverHttpAndHttps() {
        String token = app.issue(Role.UNIT, "donghai");
        String plain = Http.signIn(app.url(""), token); // checks HttpOnly, SameSite=Lax, Path=/
        assertThat(plain).startsWith("xilian_session=");

        String confirm = Http.get(app.url("/login?token=" + token), null).body();
        HttpResponse<String> https = Http.postForm(app.url("/login"), null, Http.inputs(confirm),
                Map.of("X-Forwarded-Proto", "https", "Sec-Fetch-Site", "same-origin"));
        String setCookie = https.headers().firstValue("set-cookie").orElseThrow();
        assertThat(setCookie).startsWith("__Host-xilian_session=").contains("Secure").contains("Path=/")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Domain")
                .contains("Max-Age=604800"); // 7 days: the session's absolute limit, not 400 days
        String hostCookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpRequest overHttps = HttpRequest.newBuilder(URI.create(app.url("/"))).header("Cookie", hostCookie)
                .header("X-Forwarded-Proto", "https").GET().build();
        assertThat(Http.send(overHttps).statusCode()).isEqualTo(200);
        // Over https only the __Host- cookie counts (a plain one could have been planted over http).
        HttpRequest plainOverHttps = HttpRequest.newBuilder(URI.create(app.url("/"))).header("Cookie", plain)
                .header("X-Forwarded-Proto", "https").GET().build();
        assertThat(Http.send(plainOverHttps).statusCode()).isEqualTo(401);
    }

    @Test
    void theCsrfTokenBelongsToTheSessionNotTheCredential() {
        String token = app.issue(Role.UNIT, "guannan");
        String first = Http.signIn(app.url(""), token);
        String second = Http.signIn(app.url(""), token);
        Map<String, String> form = new HashMap<>(Http.inputs(Http.get(app.url("/tasks/2.7"), first).body()));
        assertThat(form.get("_csrf")).isEqualTo(Tokens.sha256Hex("csrf:" + sessionId(first)))
                .isNotEqualTo(Tokens.sha256Hex("csrf:" + token));
        form.put("status", "IN_PROGRESS");
        form.put("percent", "10");
        form.put("progress", "进展");
        // The same credential's other session cannot use this form's token.
        HttpResponse<String> r = Http.postForm(app.url("/tasks/2.7"), second, form);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF_INVALID");
        assertThat(app.history("2.7")).isEmpty();
    }

    @Test
    void revokingTheCredentialEndsItsSessionsAtTheNextRequest() {
        String token = app.issue(Role.UNIT, "ganyu");
        String cookie = Http.signIn(app.url(""), token);
        assertThat(Http.get(app.url("/"), cookie).statusCode()).isEqualTo(200);
        app.ctx.getBean(CredentialRepository.class).revoke(Tokens.sha256Hex(token), Instant.now());
        HttpResponse<String> r = Http.get(app.url("/"), cookie);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("凭据已被吊销");
    }
}
