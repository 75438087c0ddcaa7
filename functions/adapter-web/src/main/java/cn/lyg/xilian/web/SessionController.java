package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.ReturnPath;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.Authenticator.SignedIn;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.lyg.xilian.web.http.RequestBodies.first;

/**
 * Sign-in and sign-out. The sign-in link ({@code GET /login?token=…}) changes nothing: it shows whose link it is
 * (and whose session would be replaced) with a button; only the same-origin {@code POST /login} exchanges the
 * token for a new session. So a cross-site link or image cannot sign a browser in as someone else (login
 * CSRF), and a valid session is never replaced without the user seeing whose it is. {@code next} (query, then a hidden
 * field) is the page to land on, followed only as a {@link ReturnPath}. The only controller that checks credentials
 * itself: the others take a caller bound by CallerBinders.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class SessionController {

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final Pages pages;

    public SessionController(Authenticator auth, RequestBodies bodies, PlanCache plans, Pages pages) {
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.pages = pages;
    }

    @Get("/login")
    public HttpResponse<?> confirm(HttpRequest<?> request, @QueryValue @Nullable String token,
                                   @QueryValue @Nullable String next) {
        Principal target = auth.check(request, "login", token);
        Optional<SignedIn> current = auth.currentSession(request);
        if (current.isPresent() && current.get().principal().credentialHash().equals(target.credentialHash())) {
            return HttpResponse.seeOther(URI.create(ReturnPath.orHome(next))); // already signed in with this link
        }
        return confirmation(HttpStatus.OK, token, target, current.orElse(null), next);
    }

    /** Fields {@code token}, {@code next}, {@code replacing} (the shown session's credential id; else 409 again). */
    @Post("/login")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> login(HttpRequest<?> request) {
        auth.requireSameOrigin(request); // login CSRF: a cross-site form cannot sign this browser in
        Map<String, List<String>> form = bodies.form(request);
        String token = first(form, "token");
        Principal target = auth.check(request, "login", token);
        Optional<SignedIn> current = auth.currentSession(request);
        if (current.isPresent() && !current.get().principal().credentialHash().equals(target.credentialHash())
                && !Tokens.sameSecret(LoginPage.credentialId(current.get().principal()), first(form, "replacing"))) {
            return confirmation(HttpStatus.CONFLICT, token, target, current.get(), first(form, "next"));
        }
        return HttpResponse.seeOther(URI.create(ReturnPath.orHome(first(form, "next"))))
                .cookie(auth.startSession(request, token));
    }

    /** Works without a valid session too (the cookie is cleared either way); with one, the form's CSRF token. */
    @Post("/logout")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> logout(HttpRequest<?> request) {
        if (auth.currentSession(request).isPresent()) {
            auth.requireCsrf(request, first(bodies.form(request), "_csrf"));
            auth.endSession(request);
        }
        return HttpResponse.seeOther(URI.create("/signed-out")).cookie(auth.sessionCookie(request, "", Duration.ZERO));
    }

    /** No navigation on this page: its address holds the token (the Referrer-Policy same-origin keeps it here). */
    private HttpResponse<?> confirmation(HttpStatus status, String token, Principal target,
                                         @Nullable SignedIn current, @Nullable String next) {
        return pages.render(status, new LoginPage(pages.publicLayout(plans.plan()), token, target,
                current == null ? null : current.principal(), ReturnPath.orHome(next)));
    }
}
