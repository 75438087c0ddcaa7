package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers for every response: no framing, no sniffing, no caching of personal pages, and a CSP that allows no
 * script at all (the pages need none), and HSTS whenever the request came over https ({@link Https}).
 *
 * <p>Referrer policy {@code same-origin}: no Referer ever leaves for another site (a sign-in link carries its token
 * in the URL), while a form post keeps its real {@code Origin}. Under {@code no-referrer} browsers send
 * {@code Origin: null} with every post, which Micronaut's server on localhost refuses with a bare 403 and which
 * {@link SameOriginCheck} cannot tell from a forged post.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    private final WebSettings settings;

    public SecurityHeadersFilter(WebSettings settings) {
        this.settings = settings;
    }

    /** The CSP with the given form targets (the evidence upload page adds the store's origin). */
    public static String policy(String formAction) {
        return "default-src 'none'; style-src 'unsafe-inline'; form-action " + formAction + "; frame-ancestors 'none'";
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (Https.of(request, settings)) {
            response.header("Strict-Transport-Security", "max-age=31536000"); // a year; browsers ignore it over http
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("Cache-Control", "no-store");
        if (!response.getHeaders().contains("Content-Security-Policy")) { // a page that posts to the store sets its own
            response.header("Content-Security-Policy", policy("'self'"));
        }
    }
}
