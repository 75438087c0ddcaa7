package cn.lyg.xilian.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Token generation and hashing. 32 random bytes, base64url without padding (43 characters). */
public final class Tokens {

    /** Anything else cannot be one of our tokens; rejecting early avoids hashing arbitrary input. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        // A new SecureRandom per token, never one kept in a static field: the API function runs with
        // Lambda SnapStart, and a generator seeded before the snapshot would hand every restored instance
        // the same sequence (same tokens, same form idempotency keys). Seeding from the OS costs microseconds.
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static String sha256Hex(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Constant-time comparison, so a forged value cannot be found byte by byte from response times. */
    public static boolean sameSecret(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
