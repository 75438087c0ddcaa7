package cn.lyg.xilian.chat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** The signed vendors' signatures, exactly as their custom-robot documentation defines them. */
public final class Signatures {

    private Signatures() {
    }

    /**
     * 钉钉 加签: {@code urlencode(base64(HmacSHA256(key = secret, msg = timestamp + "\n" + secret)))}, timestamp in
     * milliseconds, accepted within an hour of the vendor's clock.
     */
    public static String dingtalk(long timestampMillis, String secret) {
        byte[] mac = hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /**
     * 飞书 签名校验: {@code base64(HmacSHA256(key = timestamp + "\n" + secret, msg = ""))}, timestamp in seconds, sent in
     * the body (not URL-encoded: it travels in JSON).
     */
    public static String feishu(long timestampSeconds, String secret) {
        byte[] mac = hmacSha256((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Base64.getEncoder().encodeToString(mac);
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
