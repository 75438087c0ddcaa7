package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Sessions;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

import java.net.URI;
import java.time.Duration;

import static cn.lyg.xilian.web.http.RequestBodies.first;

/**
 * Sign-out, which works without a valid session too (the cookie is cleared either way), so it takes no bound
 * caller: with one, the form's CSRF token is required as on every other post.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class SignOutController {

    private final Authenticator auth;
    private final Sessions sessions;
    private final RequestBodies bodies;

    public SignOutController(Authenticator auth, Sessions sessions, RequestBodies bodies) {
        this.auth = auth;
        this.sessions = sessions;
        this.bodies = bodies;
    }

    /** Ends the session server-side (the cookie is worthless afterwards, even if copied) and clears it. */
    @Post("/logout")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> logout(HttpRequest<?> request) {
        if (auth.currentSession(request).isPresent()) {
            auth.requireCsrf(request, first(bodies.form(request), "_csrf"));
            auth.sessionId(request).ifPresent(sessions::end);
        }
        return HttpResponse.seeOther(URI.create("/catalog"))
                .cookie(auth.sessionCookie(request, "", Duration.ZERO));
    }
}
