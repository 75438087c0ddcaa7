package cn.lyg.xilian.core.chat;

/**
 * A robot did not take a message. The message never holds the webhook URL, its token, the secret or the signature:
 * only the vendor, the vendor's code and its short text, or the kind of network failure.
 */
public class ChatDeliveryException extends RuntimeException {

    /** What the sender should do about it. */
    public enum Kind {
        /** Rate-limited (企业微信 45009, 钉钉 130101, 飞书 9499/11232), HTTP 5xx, a timeout or a network failure. */
        RETRY_LATER,
        /** The robot refused the message itself (40058 too long, 310000 signature/keyword/IP, any other code). */
        REFUSED
    }

    private final Kind kind;
    private final String code;

    public ChatDeliveryException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The vendor's error code, "http-503", "timeout" or "network". */
    public String code() {
        return code;
    }
}
