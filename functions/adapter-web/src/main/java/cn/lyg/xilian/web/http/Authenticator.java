package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Checks the credential on every request (one consistent GetItem), so a revocation takes effect at once.
 * Pages use the HttpOnly cookie set by /login; the JSON API uses only {@code Authorization: Bearer}, so a
 * browser's cookie can never authorize an API call (which is why the API needs no CSRF token).
 */
@Singleton
public class Authenticator {

    private final Credentials credentials;
    private final WebSettings settings;

    private final SameOriginCheck sameOrigin;

    public Authenticator(Credentials credentials, WebSettings settings, SameOriginCheck sameOrigin) {
        this.credentials = credentials;
        this.settings = settings;
        this.sameOrigin = sameOrigin;
    }

    public Principal bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_MISSING", "缺少凭据：请在 Authorization 头中提供 Bearer 令牌");
        }
        return check(header.substring(7).strip());
    }

    /** The token in the sign-in cookie, if any. */
    public Optional<String> cookieToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(settings.getCookieName()).map(Cookie::getValue);
    }

    public Optional<Principal> cookie(HttpRequest<?> request) {
        return cookieToken(request).map(this::check);
    }

    public Principal requireCookie(HttpRequest<?> request) {
        return cookie(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_MISSING",
                "请先使用本单位的登录链接登录"));
    }

    public Principal check(String token) {
        return switch (credentials.authenticate(token)) {
            case CredentialCheck.Valid v -> v.principal();
            case CredentialCheck.Invalid i -> throw new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_INVALID",
                    "凭据无效，请使用管理员发放的登录链接");
            case CredentialCheck.Expired e -> throw new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_EXPIRED",
                    "凭据已过期，请联系市发改委重新发放登录链接");
            case CredentialCheck.Revoked r -> throw new ApiException(HttpStatus.UNAUTHORIZED, "CREDENTIAL_REVOKED",
                    "凭据已被吊销，请联系市发改委");
        };
    }

    /**
     * The form's CSRF token: derived from the sign-in token, which only the holder's browser has (the cookie
     * is HttpOnly and never sent cross-site for POSTs with SameSite=Lax). No server state is needed.
     */
    public static String csrfToken(String credentialToken) {
        return Tokens.sha256Hex("csrf:" + credentialToken);
    }

    /** A cookie-authenticated post without a form token (sign-out): from our own pages only. */
    public void requireSameOrigin(HttpRequest<?> request) {
        sameOrigin.require(request);
    }

    /** A cookie-authenticated form post: from our own pages (Origin, Sec-Fetch-Site) and with the form's token. */
    public void requireCsrf(HttpRequest<?> request, String presented) {
        sameOrigin.require(request);
        String token = cookieToken(request).orElse(null);
        if (token == null || !Tokens.sameSecret(csrfToken(token), presented)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "CSRF_INVALID", "页面已失效或来源不明（CSRF 校验失败），请刷新后重新填报");
        }
    }
}
