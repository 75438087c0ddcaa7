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
    }
}
