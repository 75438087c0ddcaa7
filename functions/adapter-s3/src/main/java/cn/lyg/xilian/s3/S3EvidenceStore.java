package cn.lyg.xilian.s3;

import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.EvidenceStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence store in S3, without the AWS SDK: every call is a SigV4-presigned request ({@link SigV4}) sent with
 * the JDK's HTTP client, bounded in time. Objects live under id-only keys, encrypted at rest (SSE-S3); the browser
 * uploads straight to the bucket with a presigned POST form (policy limited to one key and a content-length range)
 * and downloads through short-lived presigned GET links.
 */
public final class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    /** How long a presigned request made for the function's own call lives. */
    private static final Duration CALL_TTL = Duration.ofMinutes(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern KEY = Pattern.compile("<Key>([^<]*)</Key>");
    private static final Pattern NEXT = Pattern.compile("<NextContinuationToken>([^<]*)</NextContinuationToken>");

    /** @param endpoint empty in AWS; a local S3 API server (moto, LocalStack) otherwise, addressed path-style */
    public record Settings(String bucket, String region, Optional<URI> endpoint) {
    }

    /** An HTML form's target and hidden fields; the file input (named {@code file}) must be the last field. */
    public record UploadForm(URI action, Map<String, String> fields) {
    }

    /** S3 answered with an error, or did not answer in time. */
    public static final class S3Exception extends RuntimeException {
        S3Exception(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final SigV4 signer;
    private final Clock clock;
    private final HttpClient http;

    public S3EvidenceStore(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.signer = new SigV4(settings.region());
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static final Map<String, String> SSE = Map.of("x-amz-server-side-encryption", "AES256");

    /** Streams the content to S3 (PutObject with its length): a file is never held in memory whole. */
    @Override
    public void put(String key, EvidenceRules.Content content, long size, String contentType) {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return content.open();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }), size);
        send(withHeaders(HttpRequest.newBuilder(presign("PUT", ours(key), Map.of(), SSE)), SSE)
                .header("Content-Type", contentType).PUT(body), 200);
    }

    /** S3's CopyObject: the object moves to its id-only key, encrypted, with its detected content type. */
    @Override
    public void copy(String from, String to, String contentType) {
        Map<String, String> headers = new java.util.TreeMap<>(SSE);
        headers.put("x-amz-copy-source", SigV4.encodePath("/" + settings.bucket() + "/" + ours(from)));
        headers.put("x-amz-metadata-directive", "REPLACE");
        headers.put("content-type", contentType);
        HttpResponse<byte[]> r = call(withHeaders(HttpRequest.newBuilder(presign("PUT", ours(to), Map.of(), headers)), headers)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        expect(r, 200);
        // A copy can fail after its 200 has begun: the error is then in the body.
        if (new String(r.body(), StandardCharsets.UTF_8).contains("<Error>")) {
            throw new S3Exception("S3 copy failed: " + new String(r.body(), StandardCharsets.UTF_8), null);
        }
    }

    /** Last-Modified of the object: when the browser posted it. */
    @Override
    public Optional<Instant> storedAt(String key) {
        return headers(key).flatMap(h -> h.firstValue("last-modified"))
                .map(v -> java.time.ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    }

    @Override
    public boolean signsUploads() {
        return true;
    }

    /** A presigned POST form for one file under {@code keyPrefix}; S3 appends the browser's file name to the key. */
    @Override
    public Optional<DirectUpload> directUpload(String keyPrefix, URI redirect, Duration ttl) {
        UploadForm form = uploadForm(keyPrefix + "${filename}", keyPrefix, redirect, ttl);
        return Optional.of(new DirectUpload(form.action(), form.fields(), clock.instant().plus(ttl)));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder b, Map<String, String> headers) {
        headers.forEach((k, v) -> {
            if (!k.equals("content-type")) {
                b.header(k, v);
            } else {
                b.header("Content-Type", v);
            }
        });
        return b;
    }

    /** The object in memory (the application serves no S3 object itself: downloads go by signed links). */
    @Override
    public Optional<EvidenceRules.Content> get(String key) {
        return fetch(HttpRequest.newBuilder(presign("GET", ours(key), Map.of())).GET()).map(EvidenceRules.Content::of);
    }

    /** The first bytes of an uploaded object (a ranged GET): its type is checked by content before it is recorded. */
    @Override
    public Optional<byte[]> head(String key, int bytes) {
        return fetch(HttpRequest.newBuilder(presign("GET", ours(key), Map.of())).header("Range", "bytes=0-" + (bytes - 1)).GET());
    }

    /** The object's size in bytes, if it exists (a HEAD request: GetObject permission). */
    @Override
    public Optional<Long> size(String key) {
        return headers(key).map(h -> h.firstValueAsLong("content-length").orElseThrow());
    }

    private Optional<java.net.http.HttpHeaders> headers(String key) {
        HttpResponse<byte[]> r = call(HttpRequest.newBuilder(presign("HEAD", ours(key), Map.of()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (absent(r)) {
            return Optional.empty();
        }
        expect(r, 200);
        return Optional.of(r.headers());
    }

    /**
     * A missing object. The API function has no s3:ListBucket on purpose, and then S3 answers a read of a missing
     * key with 403 rather than 404; it may read every object under the evidence prefix, so a 403 there means absent
     * (an upload key the browser never posted, or a forged one).
     */
    private static boolean absent(HttpResponse<byte[]> r) {
        return r.statusCode() == 404 || r.statusCode() == 403;
    }

    /**
     * Every key this store sends to S3 is exactly one of ours ({@link EvidenceKeys}): S3 keys are flat strings, but
     * a key with {@code ..} or an encoded separator is refused here rather than trusted to every layer between.
     */
    private static String ours(String key) {
        if (EvidenceKeys.parse(key).isEmpty()) {
            throw new IllegalArgumentException("not an evidence key: " + key);
        }
        return key;
    }

    private static String oursPrefix(String prefix) {
        if (!EvidenceKeys.validPrefix(prefix)) {
            throw new IllegalArgumentException("not an evidence prefix: " + prefix);
        }
        return prefix;
    }

    /** How many versions of one key {@link #delete} removes at most (a form posted again within its TTL adds one). */
    private static final int MAX_VERSIONS = 20;

    /**
     * Deletes the object for good. The bucket is versioned, where a plain DELETE only hides the bytes behind a
     * delete marker until the lifecycle expires them; what this store deletes was never attached (a refused or
     * staged upload, a rolled-back file), so each version goes (DeleteObjectVersion), newest first.
     */
    @Override
    public void delete(String key) {
        for (int i = 0; i < MAX_VERSIONS; i++) {
            Optional<String> version = headers(key).map(h -> h.firstValue("x-amz-version-id").orElse(""));
            if (version.isEmpty()) {
                return;
            }
            if (version.get().isEmpty()) { // an unversioned bucket
                send(HttpRequest.newBuilder(presign("DELETE", key, Map.of())).DELETE(), 204, 200);
                return;
            }
            send(HttpRequest.newBuilder(presign("DELETE", key, Map.of("versionId", version.get()))).DELETE(), 204, 200);
        }
        throw new S3Exception("more than " + MAX_VERSIONS + " versions of " + key, null);
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("list-type", "2");
            params.put("prefix", oursPrefix(prefix));
            if (token != null) {
                params.put("continuation-token", token);
            }
            HttpResponse<byte[]> r = call(HttpRequest.newBuilder(presign("GET", null, params)).GET());
            expect(r, 200);
            String xml = new String(r.body(), StandardCharsets.UTF_8);
            Matcher m = KEY.matcher(xml);
            while (m.find()) {
                keys.add(unescape(m.group(1)));
            }
            Matcher next = NEXT.matcher(xml);
            token = xml.contains("<IsTruncated>true</IsTruncated>") && next.find() ? unescape(next.group(1)) : null;
        } while (token != null);
        return keys;
    }

    /** A download link valid for {@code ttl}, naming the file by its display name. */
    @Override
    public Optional<URI> downloadUrl(String key, String displayName, Duration ttl) {
        String disposition = "attachment; filename*=UTF-8''"
                + URLEncoder.encode(displayName, StandardCharsets.UTF_8).replace("+", "%20");
        return Optional.of(signer.presign("GET", base(), path(ours(key)), Map.of("response-content-disposition", disposition),
                SigV4.Credentials.fromEnvironment(), clock.instant(), ttl));
    }

    /**
     * A presigned POST for exactly {@code key} (under the report's prefix, ending in a random id), 1 byte to
     * {@link EvidenceRules#MAX_FILE_BYTES}, SSE-S3, valid for {@code ttl}; S3 answers with a 303 to
     * {@code redirect} carrying the bucket, key and ETag.
     */
    public UploadForm uploadForm(String key, URI redirect, Duration ttl) {
        return uploadForm(key, null, redirect, ttl);
    }

    /** @param keyPrefix when set, the policy lets the key be anything under it (S3's ${filename}) */
    private UploadForm uploadForm(String key, String keyPrefix, URI redirect, Duration ttl) {
        ours(keyPrefix == null ? key : keyPrefix + "f"); // a prefix: one of ours once the browser's name is added
        SigV4.Credentials creds = SigV4.Credentials.fromEnvironment();
        Instant now = clock.instant();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("success_action_redirect", redirect.toString());
        fields.put("x-amz-server-side-encryption", "AES256");
        fields.put("x-amz-algorithm", SigV4.ALGORITHM);
        fields.put("x-amz-credential", creds.accessKeyId() + "/" + signer.scope(now));
        fields.put("x-amz-date", SigV4.AMZ_DATE.format(now));
        creds.sessionToken().ifPresent(t -> fields.put("x-amz-security-token", t));
        StringBuilder conditions = new StringBuilder();
        conditions.append("{\"bucket\":").append(json(settings.bucket())).append('}');
        conditions.append(",[\"content-length-range\",1,").append(EvidenceRules.MAX_FILE_BYTES).append(']');
        fields.forEach((name, value) -> {
            if (name.equals("key") && keyPrefix != null) {
                conditions.append(",[\"starts-with\",\"$key\",").append(json(keyPrefix)).append(']');
            } else {
                conditions.append(",{").append(json(name)).append(':').append(json(value)).append('}');
            }
        });
        String policy = "{\"expiration\":" + json(DateTimeFormatter.ISO_INSTANT.format(now.plus(ttl).truncatedTo(
                ChronoUnit.SECONDS))) + ",\"conditions\":[" + conditions + "]}";
        String encoded = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", signer.signPolicy(encoded, creds, now));
        URI action = URI.create(base() + path(null));
        return new UploadForm(action, fields);
    }

    private URI presign(String method, String key, Map<String, String> params) {
        return presign(method, key, params, Map.of());
    }

    private URI presign(String method, String key, Map<String, String> params, Map<String, String> headers) {
        return signer.presign(method, base(), path(key), params, headers, SigV4.Credentials.fromEnvironment(),
                clock.instant(), CALL_TTL);
    }

    /** Path-style against a configured endpoint, virtual-hosted in AWS (AWS China's domain ends in .cn). */
    private URI base() {
        return settings.endpoint().orElseGet(() -> URI.create("https://" + settings.bucket() + ".s3." + settings.region()
                + ".amazonaws.com" + (settings.region().startsWith("cn-") ? ".cn" : "")));
    }

    private String path(String key) {
        String bucketPath = settings.endpoint().isPresent() ? "/" + settings.bucket() : "";
        return key == null ? (bucketPath.isEmpty() ? "/" : bucketPath) : SigV4.encodePath(bucketPath + "/" + key);
    }

    private Optional<byte[]> fetch(HttpRequest.Builder request) {
        HttpResponse<byte[]> r = call(request);
        if (absent(r)) {
            return Optional.empty();
        }
        expect(r, 200, 206);
        return Optional.of(r.body());
    }

    private void send(HttpRequest.Builder request, int... ok) {
        expect(call(request), ok);
    }

    private HttpResponse<byte[]> call(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new S3Exception("S3 did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3Exception("interrupted while calling S3", e);
        }
    }

    private static void expect(HttpResponse<byte[]> r, int... ok) {
        for (int code : ok) {
            if (r.statusCode() == code) {
                return;
            }
        }
        String body = new String(r.body(), StandardCharsets.UTF_8);
        throw new S3Exception("S3 " + r.request().method() + " answered " + r.statusCode() + ": "
                + body.substring(0, Math.min(300, body.length())), null);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
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
        http.close();
    }
}
