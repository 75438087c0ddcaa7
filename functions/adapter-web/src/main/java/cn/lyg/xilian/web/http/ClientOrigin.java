package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.Principal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/**
 * Where a request comes from, as the audit trail and the sign-in rate limit see it. Behind API Gateway the last
 * {@code X-Forwarded-For} entry (the one API Gateway appends: requestContext.http.sourceIp, where the connection is its
 * own), else the connection's address (Netty). Locally a client could set the header; the trail records it as sent.
 */
public final class ClientOrigin {

    private ClientOrigin() {
    }

    /** Only the characters of an IPv4/IPv6 address, at most 45; "unknown" when there is none. */
    public static String address(HttpRequest<?> request) {
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        String last = forwarded == null ? "" : forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        var remote = request.getRemoteAddress();
        String address = !last.isEmpty() ? last
                : remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
        String clean = address.replaceAll("[^0-9a-fA-F:.]", "");
        return clean.isEmpty() ? "unknown" : clean.substring(0, Math.min(clean.length(), 45));
    }

    /** The request's address and User-Agent (control characters dropped; Origin cuts both to its maximum). */
    public static Principal.Origin of(HttpRequest<?> request) {
        String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        return new Principal.Origin(address(request), agent == null ? null : agent.replaceAll("\\p{Cntrl}", ""));
    }
}
