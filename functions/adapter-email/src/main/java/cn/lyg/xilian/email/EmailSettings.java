package cn.lyg.xilian.email;

import java.util.Objects;

/**
 * Settings of the alert emails; read once at start-up by whoever wires the adapter.
 *
 * @param fromAddress     the sender, verified in SES
 * @param fromName        the sender's display name, e.g. "锡连帮扶合作进度通"
 * @param baseUrl         the web app's root; task links are {@code baseUrl + "/tasks/" + id}
 * @param messageIdDomain right-hand side of Message-IDs, e.g. "xilian.lyg.cn"
 */
public record EmailSettings(String fromAddress, String fromName, String baseUrl, String messageIdDomain) {
    public EmailSettings {
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(messageIdDomain, "messageIdDomain");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // Every link in every email starts here: refuse at start what would give broken links (e.g. "8080",
        // what an unquoted ${PUBLIC_BASE_URL:http://localhost:8080} resolves to).
        if (!isAbsoluteHttpUrl(baseUrl)) {
            throw new IllegalArgumentException("the public base URL must be an absolute http(s) URL, got \"" + baseUrl + "\"");
        }
    }

    static boolean isAbsoluteHttpUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
