package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.PlanCache;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/** A page request with a valid session (the cookie); 401 otherwise. */
public final class SessionCaller extends Caller {

    private final Authenticator.SignedIn signedIn;
    private final HttpRequest<?> request;
    private final Authenticator auth;

    SessionCaller(Authenticator.SignedIn signedIn, PlanCache plans, HttpRequest<?> request, Authenticator auth) {
        super(signedIn.principal(), plans, request);
        this.signedIn = signedIn;
        this.request = request;
        this.auth = auth;
    }

    /** The token every form of the session's pages carries (the header's sign-out form included). */
    public String csrfToken() {
        return signedIn.csrfToken();
    }

    /** Counts a progress submission against the session's credential ({@link Authenticator#countSubmission}). */
    public void countSubmission() {
        auth.countSubmission(request, who());
    }

    /** A post of this session: from our own pages, with the form's CSRF token ({@link Authenticator#requireCsrf}). */
    public void requireCsrf(@Nullable String presented) {
        auth.requireCsrf(request, presented);
    }
}
