package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.http.HttpRequest;

/**
 * Whether a request reached us over https: directly, through API Gateway or a proxy (X-Forwarded-Proto, which
 * API Gateway always sets), or because the configured public address is https (a TLS-terminating proxy that
 * sets no header). Only ever makes cookies and headers stricter, so a forged header gains nothing.
 */
public final class Https {

    private Https() {
    }

    public static boolean of(HttpRequest<?> request, WebSettings settings) {
        return request.isSecure() || scheme(request).equals("https")
                || settings.getPublicBaseUrl().regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * The scheme the client used: the first (client-facing) entry of X-Forwarded-Proto when a proxy or API Gateway
     * set one, else the connection's.
     */
    public static String scheme(HttpRequest<?> request) {
        String forwarded = request.getHeaders().get("X-Forwarded-Proto");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip().toLowerCase(java.util.Locale.ROOT);
        }
        return request.isSecure() ? "https" : "http";
    }
}
