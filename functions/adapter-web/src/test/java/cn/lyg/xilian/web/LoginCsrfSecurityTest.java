package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 4: a cross-site sign-in link must not replace a signed-in unit's session (reports typed
 * afterwards would go to another unit). Before the fix {@code GET /login?token=…} set the cookie at once.
 */
class LoginCsrfSecurityTest {

    @RegisterExtension
    static final TestApp app = TestApp.running();

    /** 我的任务 of the session: which unit's tasks it lists. */
    static String whoseTasks(String cookie) {
        String body = Http.get(app.url("/"), cookie).body();
        return body.contains("东海县") ? "donghai" : body.contains("灌南县") ? "guannan" : body;
    }

    @Test
    void aCrossSiteSignInLinkChangesNothingWithoutConfirmation() {
        String donghai = Http.signIn(app.url(""), app.issue(Role.UNIT, "donghai"));
        String attacker = app.issue(Role.UNIT, "guannan");

        // The link opened from another site (a GET navigation carries the cookie with SameSite=Lax).
        HttpResponse<String> link = Http.get(app.url("/login?token=" + attacker), donghai);
        assertThat(link.statusCode()).isEqualTo(200);
        assertThat(link.headers().firstValue("set-cookie")).isEmpty();
        assertThat(link.headers().firstValue("Referrer-Policy")).hasValue("same-origin"); // the token stays on our origin
        assertThat(link.body()).contains("确认登录", "灌南县", "当前已以", "东海县");
        assertThat(whoseTasks(donghai)).isEqualTo("donghai");

        // A cross-site form POST to /login is refused by its origin.
        Map<String, String> form = Http.inputs(link.body());
        HttpResponse<String> crossSite = Http.postForm(app.url("/login"), donghai, form,
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("set-cookie")).isEmpty();
        HttpResponse<String> otherOrigin = Http.postForm(app.url("/login"), donghai, form,
                Map.of("Origin", "https://evil.example"));
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(whoseTasks(donghai)).isEqualTo("donghai");

        // Same origin but without having been shown whose session it replaces: shown again, nothing changes.
        Map<String, String> unseen = new HashMap<>(form);
        unseen.remove("replacing");
        HttpResponse<String> silent = Http.postForm(app.url("/login"), donghai, unseen, Map.of("Origin", app.url("")));
        assertThat(silent.statusCode()).isEqualTo(409);
        assertThat(silent.headers().firstValue("set-cookie")).isEmpty();
        assertThat(silent.body()).contains("当前已以", "东海县");
        assertThat(whoseTasks(donghai)).isEqualTo("donghai");

        // The user presses 切换并登录 on the page that named both: switched, and the old session is gone.
        HttpResponse<String> confirmed = Http.postForm(app.url("/login"), donghai, form, Map.of("Origin", app.url("")));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        String guannan = confirmed.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        assertThat(whoseTasks(guannan)).isEqualTo("guannan");
        assertThat(Http.get(app.url("/"), donghai).statusCode()).isEqualTo(401);
    }

    @Test
    void theSameLinkAgainKeepsTheSession() {
        String token = app.issue(Role.UNIT, "donghai");
        String cookie = Http.signIn(app.url(""), token);
        HttpResponse<String> again = Http.get(app.url("/login?token=" + token), cookie);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("set-cookie")).isEmpty();
    }

    @Test
    void signOutNeedsTheSessionsCsrfToken() {
        String cookie = Http.signIn(app.url(""), app.issue(Role.UNIT, "donghai"));
        HttpResponse<String> forged = Http.postForm(app.url("/logout"), cookie, Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF_INVALID");
        HttpResponse<String> wrong = Http.postForm(app.url("/logout"), cookie, Map.of("_csrf", "0".repeat(64)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Http.get(app.url("/"), cookie).statusCode()).as("still signed in").isEqualTo(200);
    }
}
