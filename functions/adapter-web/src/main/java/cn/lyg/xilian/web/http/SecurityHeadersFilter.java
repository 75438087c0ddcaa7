package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers for every response: no framing, no sniffing, no referrer (sign-in links carry the token in the URL),
 * no caching of personal pages, and a CSP that allows no script at all (the pages need none).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    private final WebSettings settings;

    public SecurityHeadersFilter(WebSettings settings) {
        this.settings = settings;
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (Https.of(request, settings)) {
            response.header("Strict-Transport-Security", "max-age=31536000"); // a year; browsers ignore it over http
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        if (!response.getHeaders().contains("Referrer-Policy")) { // the sign-in page sets its own
            response.header("Referrer-Policy", "no-referrer");
        }
        response.header("Cache-Control", "no-store");
        response.header("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    }
}
