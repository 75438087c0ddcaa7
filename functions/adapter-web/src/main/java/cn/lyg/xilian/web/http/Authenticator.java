package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.SessionCheck;
import cn.lyg.xilian.core.access.Sessions;
import cn.lyg.xilian.core.access.SubmissionCheck;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.admin.SignIns;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Who is asking. Two separate ways in, never interchangeable:
 * <ul>
 *   <li>the JSON API: {@code Authorization: Bearer <sign-in token>}, checked on every request (one consistent
 *   GetItem), never the cookie — so a browser's cookie can never authorize an API call;</li>
 *   <li>pages: the session cookie set by {@code POST /login}, holding a random session id that is not a
 *   credential (its hash is stored under another key, so it never works as a Bearer token). Every request
 *   re-reads the session and its credential: sign-out, the session limits and revocation act at once.</li>
 * </ul>
 * A progress submission (form or API) is also counted against its credential's limit,
 * {@code xilian.web.submissions-per-minute} per UTC clock minute, form and API together, across every Lambda
 * instance ({@link #bearerSubmission}, {@link #countSubmission}): a fixed window, so up to twice the limit can pass
 * around a minute's end, which is fine for abuse control. Every submission request counts once, a retry or replay
 * under the same Idempotency-Key too (it costs as much; a client looping on one key is still stopped).
 * Failed sign-ins are logged as one structured line each ({@code "event":"SIGN_IN_FAILED"}) without the token;
 * template.yaml counts them with a metric filter and alarms on a spike.
 */
@Singleton
public class Authenticator {

    /** The request attribute holding the {@link SignedIn} of a page request, once checked. */
    private static final String SIGNED_IN = "xilian.signedIn";
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final Credentials credentials;
    private final Sessions sessions;
    private final WebSettings settings;

    private final SameOriginCheck sameOrigin;
    // A provider: the directory is needed at a sign-in only, and a failure there must not fail the sign-in.
    private final BeanProvider<SignIns> signIns;

    public Authenticator(Credentials credentials, Sessions sessions, WebSettings settings, SameOriginCheck sameOrigin,
                         BeanProvider<SignIns> signIns) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.settings = settings;
        this.sameOrigin = sameOrigin;
        this.signIns = signIns;
    }

    /** A page request's principal and the session id (which the CSRF token derives from). */
    public record SignedIn(Principal principal, String sessionId) {
        public String csrfToken() {
            return Sessions.csrfToken(sessionId);
        }
    }

    public Principal bearer(HttpRequest<?> request) {
        return check(request, "bearer", bearerToken(request));
    }

    private static String bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_MISSING", "缺少凭据：请在 Authorization 头中提供 Bearer 令牌");
        }
        return header.substring(7).strip();
    }

    /**
     * A progress submission through the JSON API: the Bearer token is checked and the submission counted in one
     * storage call (infra/dynamodb/TABLE.md). Refused exactly as {@link #bearer} refuses; 429 at the limit.
     */
    public Principal bearerSubmission(HttpRequest<?> request) {
        String token = bearerToken(request);
        SubmissionCheck check = credentials.authenticateSubmission(token, settings.getSubmissionsPerMinute());
        return allowed(request, check, "bearer", Tokens.wellFormed(token) ? Tokens.sha256Hex(token) : null);
    }

    /**
     * A progress submission from a page: the session's credential, checked when the session was, is counted;
     * 429 at the limit, and a credential refused since the session's check is refused as that check refuses it.
     */
    public void countSubmission(HttpRequest<?> request, Principal who) {
        allowed(request, credentials.countSubmission(who.credentialHash(), settings.getSubmissionsPerMinute()),
                "session", null);
    }

    private Principal allowed(HttpRequest<?> request, SubmissionCheck check, String via, String hash) {
        return switch (check) {
            case SubmissionCheck.Allowed a -> fromRequest(a.principal(), request);
            case SubmissionCheck.Limited l -> throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_SUBMISSIONS", "提交过于频繁：每个凭据每分钟最多提交 " + settings.getSubmissionsPerMinute()
                    + " 次，请一分钟后再试");
            case SubmissionCheck.Refused r ->
                    throw refused(request, via, r.check(), r.check() instanceof CredentialCheck.Invalid ? null : hash);
        };
    }

    /** The caller of this request, with where the request came from (the audit trail records it). */
    private static Principal fromRequest(Principal principal, HttpRequest<?> request) {
        return principal.from(ClientOrigin.of(request));
    }

    /** Checks a sign-in token (Bearer or /login); a refusal is logged and thrown as 401. */
    public Principal check(HttpRequest<?> request, String via, String token) {
        CredentialCheck result = credentials.authenticate(token);
        if (result instanceof CredentialCheck.Valid v) {
            return fromRequest(v.principal(), request);
        }
        String hash = Tokens.wellFormed(token) ? Tokens.sha256Hex(token) : null;
        throw refused(request, via, result, result instanceof CredentialCheck.Invalid ? null : hash);
    }

    /** The session of a page request; 401 when there is none or it ended. */
    public SignedIn requireSignedIn(HttpRequest<?> request) {
        Optional<Object> cached = request.getAttribute(SIGNED_IN);
        if (cached.isPresent()) {
            return (SignedIn) cached.get();
        }
        String id = sessionId(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "CREDENTIAL_MISSING", "请先使用本单位的登录链接登录"));
        return switch (sessions.check(id)) {
            case SessionCheck.Active a -> {
                SignedIn signedIn = new SignedIn(fromRequest(a.principal(), request), id);
                request.setAttribute(SIGNED_IN, signedIn);
                yield signedIn;
            }
            case SessionCheck.Unknown u -> {
                logFailure(request, "session", "SESSION_UNKNOWN", null);
                throw new ApiException(HttpStatus.UNAUTHORIZED, "SESSION_INVALID", "登录已失效（已退出或不存在），请重新使用登录链接登录");
            }
            case SessionCheck.Ended e -> throw new ApiException(HttpStatus.UNAUTHORIZED, "SESSION_EXPIRED",
                    "登录已超时，请重新使用登录链接登录");
            case SessionCheck.CredentialRefused r -> throw refused(request, "session", r.check(), null);
        };
    }

    /** The current valid session, if any, without failing (the sign-in page shows whose it is). */
    public Optional<SignedIn> currentSession(HttpRequest<?> request) {
        try {
            return sessionId(request).isPresent() ? Optional.of(requireSignedIn(request)) : Optional.empty();
        } catch (ApiException notValid) {
            return Optional.empty();
        }
    }

    /** The session id in the cookie of this scheme ({@code __Host-} prefixed over https). */
    private Optional<String> sessionId(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName(request)).map(Cookie::getValue);
    }

    /** A post that needs no session (sign-in): from our own pages only (Origin, Sec-Fetch-Site). */
    public void requireSameOrigin(HttpRequest<?> request) {
        sameOrigin.require(request);
    }

    /**
     * A cookie-authenticated form post: from our own pages ({@link SameOriginCheck}) and with the form's token,
     * which must match the one derived from this request's session (constant-time comparison).
     */
    public void requireCsrf(HttpRequest<?> request, String presented) {
        sameOrigin.require(request);
        SignedIn signedIn = requireSignedIn(request);
        if (!Tokens.sameSecret(signedIn.csrfToken(), presented)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "CSRF_INVALID", "页面已失效或来源不明（CSRF 校验失败），请刷新后重新填报");
        }
    }

    /**
     * Exchanges a sign-in token for a new session and ends the one this browser had (server-side too); the new
     * session's cookie. A credential revoked since {@link #check}: the same 401 as the check gives.
     */
    public Cookie startSession(HttpRequest<?> request, String token) {
        return switch (sessions.start(token)) {
            case Sessions.Started started -> {
                endSession(request);
                noteSignIn(started.principal());
                yield sessionCookie(request, started.sessionId(), sessions.policy().absolute());
            }
            case Sessions.Refused refused -> throw new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_INVALID",
                    "凭据无效，请使用管理员发放的登录链接");
        };
    }

    /** 单位与账号管理's 最近登录: best effort, once the session exists (a failure is logged, never answered). */
    private void noteSignIn(Principal who) {
        try {
            signIns.get().signedIn(who);
        } catch (RuntimeException e) {
            LOG.warn("{\"event\":\"SIGN_IN_NOT_NOTED\",\"error\":\"{}\"}", e.getClass().getSimpleName());
        }
    }

    /** Ends this browser's session server-side: its cookie is worthless afterwards, even if copied. */
    public void endSession(HttpRequest<?> request) {
        sessionId(request).ifPresent(sessions::end);
    }

    private String cookieName(HttpRequest<?> request) {
        return (Https.of(request, settings) ? "__Host-" : "") + settings.getCookieName();
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure and {@code __Host-} over https. */
    public Cookie sessionCookie(HttpRequest<?> request, String value, Duration maxAge) {
        return Cookie.of(cookieName(request), value).httpOnly(true).sameSite(SameSite.Lax).path("/")
                .maxAge(maxAge).secure(Https.of(request, settings));
    }

    private ApiException refused(HttpRequest<?> request, String via, CredentialCheck result, String hash) {
        return switch (result) {
            case CredentialCheck.Invalid i -> {
                logFailure(request, via, "INVALID", null);
                yield new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_INVALID", "凭据无效，请使用管理员发放的登录链接");
            }
            case CredentialCheck.Expired e -> {
                logFailure(request, via, "EXPIRED", hash);
                yield new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_EXPIRED", "凭据已过期，请联系市发改委重新发放登录链接");
            }
            case CredentialCheck.Revoked r -> {
                logFailure(request, via, "REVOKED", hash);
                yield new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_REVOKED", "凭据已被吊销，请联系市发改委");
            }
            case CredentialCheck.Valid v -> throw new IllegalStateException("not a refusal");
        };
    }

    /**
     * One JSON object per failure. Never the token: at most the credential's id as printed by the admin
     * command (12 hex digits of its hash) when the credential exists. Values are fixed words or hex/IP text.
     */
    private static void logFailure(HttpRequest<?> request, String via, String reason, String credentialHash) {
        String ip = request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null ? ""
                : request.getRemoteAddress().getAddress().getHostAddress();
        // Behind API Gateway the client's address is the first X-Forwarded-For entry (the socket is the proxy).
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        String client = forwarded == null ? "" : forwarded.split(",")[0].strip();
        LOG.warn("{\"event\":\"SIGN_IN_FAILED\",\"via\":\"{}\",\"reason\":\"{}\",\"path\":\"{}\",\"credential\":\"{}\",\"ip\":\"{}\",\"forwardedFor\":\"{}\"}",
                via, reason, request.getPath().replaceAll("[^A-Za-z0-9/._-]", "?"),
                credentialHash == null ? "" : credentialHash.substring(0, 12), address(ip), address(client));
    }

    /** Only the characters of an IPv4/IPv6 address, at most 45: log values are never raw client input. */
    private static String address(String text) {
        String clean = text.replaceAll("[^0-9a-fA-F:.]", "");
        return clean.length() > 45 ? clean.substring(0, 45) : clean;
    }

}
