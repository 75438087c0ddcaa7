package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Sessions;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.web.http.ApiException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in and sign-out. The sign-in link ({@code GET /login?token=…}) changes nothing: it shows whose link it is
 * (and whose session would be replaced) with a button; only the same-origin {@code POST /login} exchanges the
 * token for a new session. So a cross-site link or image cannot sign a browser in as someone else (login
 * CSRF), and a valid session is never replaced without the user seeing whose it is.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class SessionController {

    private final Authenticator auth;
    private final Sessions sessions;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final Display display;
    private final Pages pages;

    public SessionController(Authenticator auth, Sessions sessions, RequestBodies bodies, PlanCache plans,
                             Display display, Pages pages) {
        this.auth = auth;
        this.sessions = sessions;
        this.bodies = bodies;
        this.plans = plans;
        this.display = display;
        this.pages = pages;
    }

    @Get("/login")
    public HttpResponse<?> confirm(HttpRequest<?> request, @QueryValue @Nullable String token) {
        Principal target = auth.check(request, "login", token);
        Optional<SignedIn> current = auth.currentSession(request);
        if (current.isPresent() && current.get().principal().credentialHash().equals(target.credentialHash())) {
            return HttpResponse.seeOther(URI.create("/")); // already signed in with this very link
        }
        return confirmation(HttpStatus.OK, request, token, target, current.orElse(null));
    }

    /**
     * Form fields: {@code token}, and {@code replacing} = the id of the session's credential the confirmation
     * page showed (when one was signed in). A different or missing one re-shows the confirmation (409).
     */
    @Post("/login")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> login(HttpRequest<?> request) {
        auth.requireSameOrigin(request); // login CSRF: a cross-site form cannot sign this browser in
        Map<String, List<String>> form = bodies.form(request);
        String token = first(form, "token");
        Principal target = auth.check(request, "login", token);
        Optional<SignedIn> current = auth.currentSession(request);
        if (current.isPresent() && !current.get().principal().credentialHash().equals(target.credentialHash())
                && !Tokens.sameSecret(credentialId(current.get().principal()), first(form, "replacing"))) {
            return confirmation(HttpStatus.CONFLICT, request, token, target, current.get());
        }
        return switch (sessions.start(token)) {
            case Sessions.Started started -> {
                auth.sessionId(request).ifPresent(sessions::end); // the replaced session ends server-side too
                yield HttpResponse.seeOther(URI.create("/")).cookie(auth.sessionCookie(request,
                        started.sessionId(), sessions.policy().absolute()));
            }
            // revoked between the check and the start: the same 401 as the check gives
            case Sessions.Refused refused -> throw new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_INVALID",
                    "凭据无效，请使用管理员发放的登录链接");
        };
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

    private HttpResponse<?> confirmation(HttpStatus status, HttpRequest<?> request, String token, Principal target,
                                         @Nullable SignedIn current) {
        Plan plan = plans.plan();
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plan);
        model.put("fmt", display);
        model.put("signedIn", false); // no navigation on this page: it carries the token in its address
        model.put("token", token);
        model.put("target", who(plan, target));
        model.put("current", current == null ? "" : who(plan, current.principal()));
        model.put("replacing", current == null ? "" : credentialId(current.principal()));
        // The address holds the token: the site-wide Referrer-Policy same-origin keeps it on our origin.
        return pages.render(status, "login", model, request);
    }

    private String who(Plan plan, Principal p) {
        return p.coordinator() ? "市发改委（协调员）" : display.unitName(plan, p.unitId());
    }

    /** The credential's id as the admin command prints it (a hash prefix, not a secret). */
    private static String credentialId(Principal p) {
        return p.credentialHash().substring(0, 12);
    }

    @Nullable
    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
