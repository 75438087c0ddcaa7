package cn.lyg.xilian.s3;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 for S3, by hand: presigned URLs (query-string auth) and the POST policy signature. The
 * API function only signs, so it carries these ~150 lines instead of the SDK's S3 module (≈ 8 MB, past the jar's
 * budget). Credentials come from the environment Lambda sets (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN), or the SDK's system properties (aws.accessKeyId, ...) in tests.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** The function's credentials; {@code sessionToken} is empty for long-term keys. */
    record Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

        static Credentials fromEnvironment() {
            String id = setting("AWS_ACCESS_KEY_ID", "aws.accessKeyId");
            String secret = setting("AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey");
            if (id == null || secret == null) {
                throw new IllegalStateException("No AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
            }
            return new Credentials(id, secret, Optional.ofNullable(setting("AWS_SESSION_TOKEN", "aws.sessionToken")));
        }

        private static String setting(String env, String property) {
            String value = System.getenv(env);
            if (value == null || value.isBlank()) {
                value = System.getProperty(property);
            }
            return value == null || value.isBlank() ? null : value;
        }
    }

    private final String region;

    SigV4(String region) {
        this.region = region;
    }

    String scope(Instant now) {
        return DAY.format(now) + "/" + region + "/s3/aws4_request";
    }

    URI presign(String method, URI base, String path, Map<String, String> params, Credentials creds, Instant now,
                Duration ttl) {
        return presign(method, base, path, params, Map.of(), creds, now, ttl);
    }

    /**
     * A presigned URL: {@code host} and {@code headers} are signed (S3 refuses unsigned x-amz-* headers), the
     * payload is UNSIGNED-PAYLOAD, so the caller may add a Range header or send any body.
     *
     * @param path    the canonical path, already URI-encoded ({@link #encodePath})
     * @param params  extra query parameters, unencoded
     * @param headers headers the request will carry with exactly these values, names in lower case
     */
    URI presign(String method, URI base, String path, Map<String, String> params, Map<String, String> headers,
                Credentials creds, Instant now, Duration ttl) {
        String host = base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
        TreeMap<String, String> query = new TreeMap<>();
        params.forEach((k, v) -> query.put(encode(k), encode(v)));
        query.put("X-Amz-Algorithm", ALGORITHM);
        query.put("X-Amz-Credential", encode(creds.accessKeyId() + "/" + scope(now)));
        query.put("X-Amz-Date", AMZ_DATE.format(now));
        query.put("X-Amz-Expires", String.valueOf(ttl.toSeconds()));
        TreeMap<String, String> signed = new TreeMap<>(headers);
        signed.put("host", host);
        String signedHeaders = String.join(";", signed.keySet());
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v.strip()).append('\n'));
        query.put("X-Amz-SignedHeaders", encode(signedHeaders));
        creds.sessionToken().ifPresent(t -> query.put("X-Amz-Security-Token", encode(t)));
        StringBuilder canonicalQuery = new StringBuilder();
        query.forEach((k, v) -> canonicalQuery.append(canonicalQuery.isEmpty() ? "" : "&").append(k).append('=').append(v));
        String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + signedHeaders + "\nUNSIGNED-PAYLOAD";
        String toSign = ALGORITHM + "\n" + AMZ_DATE.format(now) + "\n" + scope(now) + "\n"
                + HexFormat.of().formatHex(sha256(canonicalRequest));
        String signature = HexFormat.of().formatHex(hmac(signingKey(creds.secretAccessKey(), now), toSign));
        return URI.create(base.getScheme() + "://" + host + path + "?" + canonicalQuery + "&X-Amz-Signature=" + signature);
    }

    /** The signature of a base64 POST policy. */
    String signPolicy(String base64Policy, Credentials creds, Instant now) {
        return HexFormat.of().formatHex(hmac(signingKey(creds.secretAccessKey(), now), base64Policy));
    }

    private byte[] signingKey(String secret, Instant now) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), DAY.format(now));
        k = hmac(k, region);
        k = hmac(k, "s3");
        return hmac(k, "aws4_request");
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX (UTF-8). */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** Each path segment encoded, the slashes kept (S3 does not double-encode). */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            out.append(out.isEmpty() && segment.isEmpty() ? "" : "/").append(encode(segment));
        }
        return path.startsWith("/") ? out.toString() : "/" + out;
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(String data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
