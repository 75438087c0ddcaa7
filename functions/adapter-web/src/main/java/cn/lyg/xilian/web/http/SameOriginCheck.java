package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Locale;

/**
 * The first layer of CSRF defence for cookie-authenticated form posts (the {@code _csrf} token is the second): a
 * browser says where a request comes from, and only our own pages may post.
 * <ul>
 *   <li>{@code Sec-Fetch-Site} (every current browser): {@code same-origin}, or {@code none} for a request the user
 *       made directly; {@code same-site} and {@code cross-site} are refused.</li>
 *   <li>{@code Origin}: when sent, it must be this site's origin: the scheme API Gateway or a proxy reports
 *       ({@code X-Forwarded-Proto}) or the connection's, with the {@code Host} the browser used, or the configured
 *       public base URL. {@code Origin: null} (what browsers send under {@code Referrer-Policy: no-referrer}, which
 *       is why the pages now send {@code same-origin}) is refused.</li>
 *   <li>Neither header (non-browser clients, very old browsers): the CSRF token alone decides.</li>
 * </ul>
 */
@Singleton
public class SameOriginCheck {

    private final String publicOrigin;

    public SameOriginCheck(WebSettings settings) {
        // null when unset or not an absolute URL: then only the request's own origin counts
        this.publicOrigin = settings.getPublicBaseUrl() == null ? null : normalize(settings.getPublicBaseUrl());
    }

    public void require(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw refused();
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null && !isOwn(normalize(origin), request)) {
            throw refused();
        }
    }

    private boolean isOwn(String origin, HttpRequest<?> request) {
        if (origin == null) {
            return false;
        }
        if (origin.equals(publicOrigin)) { // a custom domain in front of API Gateway
            return true;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || host.contains(",")) {
            return false;
        }
        return origin.equals(normalize(Https.scheme(request) + "://" + host.strip()));
    }

    /** {@code scheme://host[:port]} in lower case with the default port left out, or null if not an origin. */
    static String normalize(String origin) {
        try {
            URI u = URI.create(origin.strip());
            if (u.getScheme() == null || u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty()
                    && !u.getPath().equals("/"))) {
                return null;
            }
            return origin(u);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String origin(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static ApiException refused() {
        return new ApiException(HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST",
                "请求来源不明：只能在本系统的页面上提交。请回到填报页面重新提交");
    }
}
