package cn.lyg.xilian.core.chat;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * One group's robot as configured by a coordinator: where to post and, for the signed vendors (钉钉, 飞书), the
 * signing secret. The webhook URL carries a credential too (企业微信's {@code key}, 钉钉's {@code access_token}), so
 * neither part is ever logged or shown back in full: {@link #toString()} masks both.
 *
 * @param webhookUrl the vendor's webhook, absolute http(s); the host is the office's own (政务 variants run their
 *                   own gateways)
 * @param secret     the signing secret, or null when the robot is not signed
 */
public record ChatRobot(ChatVendor vendor, String webhookUrl, @Nullable String secret) {

    public ChatRobot {
        Objects.requireNonNull(vendor, "vendor");
        if (webhookUrl == null || !(webhookUrl.startsWith("https://") || webhookUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("the webhook must be an absolute http(s) URL");
        }
        if (secret != null && secret.isBlank()) {
            secret = null;
        }
    }

    /**
     * What a page may show of the webhook: scheme, host and path, without the query that holds the token (企业微信's
     * {@code key}, 钉钉's {@code access_token}); a long last path segment is a token too (飞书's
     * {@code /bot/v2/hook/<token>}) and keeps only its first 4 characters.
     */
    public String maskedWebhook() {
        int query = webhookUrl.indexOf('?');
        String head = query < 0 ? webhookUrl : webhookUrl.substring(0, query);
        int slash = head.lastIndexOf('/');
        if (slash > head.indexOf("://") + 2 && head.length() - slash - 1 > TOKEN_LIKE) {
            head = head.substring(0, slash + 5) + "…";
        }
        return query < 0 ? head : head + "?…";
    }

    /** A path segment longer than this is taken for a token (vendors' own segments are short words). */
    private static final int TOKEN_LIKE = 12;

    @Override
    public String toString() {
        return "ChatRobot[" + vendor + " " + maskedWebhook() + (secret == null ? "" : " signed") + "]";
    }
}
