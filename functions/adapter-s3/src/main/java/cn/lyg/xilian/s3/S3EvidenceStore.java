package cn.lyg.xilian.s3;

import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence store in S3: objects under id-only keys, encrypted at rest; the browser uploads straight to the
 * bucket with a presigned POST form (SigV4 policy limited to one report's key prefix and a content-length range)
 * and downloads through short-lived presigned GET links. One client and presigner per process.
 */
public final class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** @param endpoint empty in AWS; a local S3 API server (moto, LocalStack) otherwise, addressed path-style */
    public record Settings(String bucket, String region, Optional<URI> endpoint) {
    }

    /** An HTML form's target and hidden fields; the file input (named {@code file}) must be the last field. */
    public record UploadForm(URI action, Map<String, String> fields) {
    }

    private final Settings settings;
    private final S3Client client;
    private final S3Presigner presigner;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;

    public S3EvidenceStore(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.credentials = DefaultCredentialsProvider.builder().build();
        var builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region())).credentialsProvider(credentials);
        var presign = S3Presigner.builder().region(Region.of(settings.region())).credentialsProvider(credentials);
        settings.endpoint().ifPresent(e -> {
            builder.endpointOverride(e).forcePathStyle(true);
            presign.endpointOverride(e).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        });
        this.client = builder.build();
        this.presigner = presign.build();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        client.putObject(b -> b.bucket(settings.bucket()).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        client.deleteObject(b -> b.bucket(settings.bucket()).key(key));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix))
                .contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** The first bytes of an uploaded object: its type is checked by content before it is recorded. */
    public Optional<byte[]> head(String key, int bytes) {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key)
                    .range("bytes=0-" + (bytes - 1))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** A download link valid for {@code ttl}, naming the file by its display name. */
    @Override
    public Optional<URI> downloadUrl(String key, String displayName, Duration ttl) {
        return Optional.of(signedGet(key, displayName, ttl));
    }

    private URI signedGet(String key, String displayName, Duration ttl) {
        String disposition = "attachment; filename*=UTF-8''"
                + URLEncoder.encode(displayName, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(settings.bucket()).key(key).responseContentDisposition(disposition)))
                .url().toString());
    }

    /**
     * A presigned POST for one object under {@code keyPrefix} (the report's prefix; the key is fixed here and ends
     * in a random id), at most {@link EvidenceRules#MAX_FILE_BYTES}, valid for {@code ttl}; S3 answers with a 303 to
     * {@code redirect} carrying the bucket, key and ETag.
     */
    public UploadForm uploadForm(String key, URI redirect, Duration ttl) {
        if (!key.startsWith(EvidenceRules.KEY_ROOT)) {
            throw new IllegalArgumentException("not an evidence key: " + key);
        }
        AwsCredentials creds = credentials.resolveCredentials();
        var now = clock.instant();
        String credential = creds.accessKeyId() + "/" + DAY.format(now) + "/" + settings.region() + "/s3/aws4_request";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("success_action_redirect", redirect.toString());
        fields.put("x-amz-server-side-encryption", "AES256");
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", AMZ_DATE.format(now));
        if (creds instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }
        StringBuilder conditions = new StringBuilder();
        conditions.append("{\"bucket\":").append(json(settings.bucket())).append('}');
        conditions.append(",[\"content-length-range\",1,").append(EvidenceRules.MAX_FILE_BYTES).append(']');
        fields.forEach((name, value) -> conditions.append(",{").append(json(name)).append(':').append(json(value)).append('}'));
        String policy = "{\"expiration\":" + json(DateTimeFormatter.ISO_INSTANT.format(now.plus(ttl).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS))) + ",\"conditions\":[" + conditions + "]}";
        String encoded = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmac(signingKey(creds.secretAccessKey(), DAY.format(now)),
                encoded)));
        URI action = settings.endpoint().map(e -> e.resolve("/" + settings.bucket()))
                .orElse(URI.create("https://" + settings.bucket() + ".s3." + settings.region() + ".amazonaws.com"
                        + (settings.region().startsWith("cn-") ? ".cn" : "")));
        return new UploadForm(action, fields);
    }

    private byte[] signingKey(String secret, String day) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, settings.region());
        k = hmac(k, "s3");
        return hmac(k, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }
}
