package cn.lyg.xilian.chat;

import cn.lyg.xilian.core.chat.ChatDeliveryException;
import cn.lyg.xilian.core.chat.ChatMessage;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatVendor;

import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * Each vendor's webhook request and the reading of its answer.
 *
 * <ul>
 *   <li>企业微信: {@code {"msgtype":"markdown","markdown":{"content":…}}} to the webhook as given (its {@code key} is
 *   the credential).</li>
 *   <li>钉钉: {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}; with a secret,
 *   {@code &timestamp=<ms>&sign=<…>} appended to the webhook ({@link Signatures#dingtalk}).</li>
 *   <li>飞书: an interactive card — a header with the title and one {@code markdown} element — because a card's
 *   markdown element renders links, bold and lists, where {@code text} shows them raw and {@code post} needs its own
 *   rich-text tree; with a secret, {@code "timestamp":"<s>","sign":"<…>"} in the body ({@link Signatures#feishu}).</li>
 * </ul>
 */
final class VendorRequests {

    /** 飞书's whole request body, 20 KB. */
    static final int FEISHU_BODY_LIMIT = 20 * 1024;

    /** Codes that mean "too fast": 企业微信 45009, 钉钉 130101, 飞书 9499 (the issue's) and 11232 (its documented 限流). */
    private static final Set<Long> RATE_LIMITED = Set.of(45009L, 130101L, 9499L, 11232L);

    record Request(URI uri, String body) {
    }

    private VendorRequests() {
    }

    static Request of(ChatRobot robot, ChatMessage message, Clock clock) {
        return switch (robot.vendor()) {
            case WECOM -> new Request(URI.create(robot.webhookUrl()),
                    "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":" + Json.string(message.markdown()) + "}}");
            case DINGTALK -> {
                String url = robot.webhookUrl();
                if (robot.secret() != null) {
                    long ms = clock.millis();
                    url += (url.contains("?") ? "&" : "?") + "timestamp=" + ms + "&sign="
                            + Signatures.dingtalk(ms, robot.secret());
                }
                yield new Request(URI.create(url), "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":"
                        + Json.string(message.title()) + ",\"text\":" + Json.string(message.markdown()) + "}}");
            }
            case FEISHU -> {
                String signed = "";
                if (robot.secret() != null) {
                    long s = clock.millis() / 1000;
                    signed = "\"timestamp\":\"" + s + "\",\"sign\":" + Json.string(Signatures.feishu(s, robot.secret()))
                            + ",";
                }
                yield new Request(URI.create(robot.webhookUrl()), "{" + signed + "\"msg_type\":\"interactive\","
                        + "\"card\":{\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":"
                        + Json.string(message.title()) + "}},\"elements\":[{\"tag\":\"markdown\",\"content\":"
                        + Json.string(message.markdown()) + "}]}}");
            }
        };
    }

    /**
     * Reads a 2xx answer: code 0 is accepted; the rate-limit codes are {@code RETRY_LATER}; any other code (40058 too
     * long, 310000 signature/keyword/IP, 19021 飞书 signature, …) is {@code REFUSED}.
     */
    static void accept(ChatVendor vendor, String body) {
        String codeField = vendor == ChatVendor.FEISHU ? "code" : "errcode";
        String textField = vendor == ChatVendor.FEISHU ? "msg" : "errmsg";
        Long code = Json.number(body, codeField)
                .or(() -> Json.number(body, vendor == ChatVendor.FEISHU ? "StatusCode" : "code"))
                .orElseThrow(() -> new ChatDeliveryException(ChatDeliveryException.Kind.REFUSED, "unreadable",
                        vendor + " answered without a code"));
        if (code == 0) {
            return;
        }
        String text = Json.text(body, textField).map(VendorRequests::firstWords).orElse("");
        ChatDeliveryException.Kind kind = RATE_LIMITED.contains(code) ? ChatDeliveryException.Kind.RETRY_LATER
                : ChatDeliveryException.Kind.REFUSED;
        throw new ChatDeliveryException(kind, Long.toString(code), vendor + " " + code + " " + text);
    }

    /**
     * The vendor's message up to its first hint or link (企业微信 appends the caller's IP and a help URL, 钉钉 a
     * documentation link): short, and never an address.
     */
    private static String firstWords(String text) {
        int cut = text.length();
        for (String marker : new String[]{", hint", ", more", "more:", "http"}) {
            int at = text.indexOf(marker);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String head = text.substring(0, cut).replaceAll("[\\s,\\[]+$", "");
        return head.length() > 120 ? head.substring(0, 120) : head;
    }
}
