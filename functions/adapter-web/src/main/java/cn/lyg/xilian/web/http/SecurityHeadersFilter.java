package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers for every response: no framing, no sniffing, no caching of personal pages, and a CSP that allows no
 * script at all (the pages need none), and HSTS whenever the request came over https ({@link Https}).
 *
 * <p>Referrer policy {@code same-origin}: no Referer ever leaves for another site (a sign-in link carries its token
 * in the URL), while a form post keeps its real {@code Origin}. Under {@code no-referrer} browsers send
 * {@code Origin: null} with every post, which Micronaut's server on localhost refuses with a bare 403 and which
 * {@link SameOriginCheck} cannot tell from a forged post.
 *
 * <p>The first server filter ({@link ServerFilterPhase#FIRST}; without an order a filter runs last), so that the
 * refusals of the filters after it get the headers too: Micronaut's CORS filter answers a foreign {@code Origin} on
 * localhost with a bodiless 403, which also gets our error shape here ({@link ErrorAnswers}). Answers the server gives without running filters at all
 * (a request Netty cannot decode, e.g. headers over the size limit) get the same headers from {@link ErrorAnswers}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    private final WebSettings settings;
    private final ErrorAnswers errors;

    public SecurityHeadersFilter(WebSettings settings, ErrorAnswers errors) {
        this.settings = settings;
        this.errors = errors;
    }

    /** The CSP with the given form targets (the evidence upload page adds the store's origin). */
    public static String policy(String formAction) {
        return "default-src 'none'; style-src 'unsafe-inline'; form-action " + formAction + "; frame-ancestors 'none'";
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() >= 400 && response.getBody().isEmpty() && request.getMethod() != HttpMethod.HEAD) {
            errors.fill(request, response); // a refusal with no word of explanation (the CORS filter's 403)
        }
        apply(request, response, settings);
    }

    /** Sets (never adds: an answer may pass here twice) the security headers on {@code response}. */
    static void apply(HttpRequest<?> request, MutableHttpResponse<?> response, WebSettings settings) {
        MutableHttpHeaders h = response.getHeaders();
        if (Https.of(request, settings)) {
            h.set("Strict-Transport-Security", "max-age=31536000"); // a year; browsers ignore it over http
        }
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "same-origin");
        String cache = h.get(HttpHeaders.CACHE_CONTROL);
        if (cache == null || !cache.contains("no-store")) { // a download's "private, no-store" stays as it is
            h.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (!h.contains("Content-Security-Policy")) { // a page that posts to the store sets its own
            h.set("Content-Security-Policy", policy("'self'"));
        }
    }
}
