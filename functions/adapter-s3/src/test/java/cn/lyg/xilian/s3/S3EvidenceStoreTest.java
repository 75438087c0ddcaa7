package cn.lyg.xilian.s3;

import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.core.evidence.EvidenceType;
import cn.lyg.xilian.testkit.FaultProxy;
import cn.lyg.xilian.testkit.MotoS3;
import cn.lyg.xilian.testkit.PresignedPost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 evidence store against moto's S3 API server: objects, a browser-style presigned POST, presigned GET. */
class S3EvidenceStoreTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static MotoS3 moto;
    static S3EvidenceStore store;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        moto = MotoS3.start();
        try (S3Client admin = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of("cn-north-1")).endpointOverride(moto.endpoint).forcePathStyle(true).build()) {
            admin.createBucket(b -> b.bucket("evidence-test").createBucketConfiguration(c -> c.locationConstraint("cn-north-1")));
        }
        store = new S3EvidenceStore(new S3EvidenceStore.Settings("evidence-test", "cn-north-1", Optional.of(moto.endpoint)),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        moto.close();
    }

    @Test
    void objectsRoundTripUnderIdOnlyKeysAndListByReportPrefix() {
        String prefix = EvidenceKeys.reportPrefix(ref("report-key-1"));
        String key = EvidenceKeys.storageKey(ref("report-key-1"), "f1f1f1f1f1f1f1f1", EvidenceType.PDF);
        store.put(key, PDF, EvidenceType.PDF.contentType());
        assertThat(store.get(key)).hasValueSatisfying(c -> assertThat(c.readAllBytes()).isEqualTo(PDF));
        assertThat(store.head(key, 5)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));
        assertThat(store.list(prefix)).containsExactly(key);
        assertThat(store.list(EvidenceKeys.reportPrefix(ref("report-key-2")))).isEmpty();
        store.delete(key);
        assertThat(store.get(key)).isEmpty();
        assertThat(store.list(prefix)).isEmpty();
    }

    @Test
    void theBrowserPostsTheFormStraightToTheBucketAndDownloadsThroughAShortLivedLink() throws Exception {
        String key = EvidenceKeys.storageKey(ref("report-key-3"), "f2f2f2f2f2f2f2f2", EvidenceType.PDF);
        S3EvidenceStore.UploadForm form = store.uploadForm(key, URI.create("http://localhost:8080/tasks/2.5/uploaded"),
                Duration.ofMinutes(15));
        assertThat(form.fields()).containsKeys("key", "policy", "x-amz-signature", "x-amz-credential");
        String policy = new String(java.util.Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8);
        assertThat(policy).contains("[\"content-length-range\",1," + EvidenceRules.MAX_FILE_BYTES + "]")
                .contains("{\"key\":\"" + key + "\"}");

        HttpResponse<String> posted = post(form.action(), form.fields(), "规划批复（盖章）.pdf", PDF);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(posted.headers().firstValue("location").orElseThrow()).startsWith("http://localhost:8080/tasks/2.5/uploaded");
        assertThat(store.get(key)).hasValueSatisfying(c -> assertThat(c.readAllBytes()).isEqualTo(PDF));
        // The user's file name is not the key: what the browser named it does not matter to storage.
        assertThat(store.list(EvidenceKeys.reportPrefix(ref("report-key-3")))).containsExactly(key);

        URI link = store.downloadUrl(key, "规划批复（盖章）.pdf", Duration.ofMinutes(5)).orElseThrow();
        assertThat(link.getQuery()).contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
        HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(PDF);
        // The display name rides in the signed link as response-content-disposition (S3 answers with that header;
        // the moto on some machines ignores response-* overrides, so the link itself is checked).
        assertThat(link.getQuery()).contains("response-content-disposition=attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode("规划批复（盖章）.pdf", StandardCharsets.UTF_8));
    }

    @Test
    void aDirectUploadKeepsTheBrowsersNameUnderItsPrefixAndMovesToAnIdOnlyKey() throws Exception {
        String prefix = EvidenceKeys.uploadPrefix(ref("report-key-4"), "u1u1u1u1u1u1u1u1");
        var form = store.directUpload(prefix, URI.create("http://localhost:8080/tasks/2.5/reports/report-key-4/evidence/uploaded"),
                Duration.ofMinutes(30)).orElseThrow();
        String policy = new String(java.util.Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8);
        assertThat(policy).contains("[\"starts-with\",\"$key\",\"" + prefix + "\"]");
        assertThat(form.fields().get("key")).isEqualTo(prefix + "${filename}");

        HttpResponse<String> posted = post(form.action(), form.fields(), "批复.pdf", PDF);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String uploaded = prefix + "批复.pdf";
        assertThat(posted.headers().firstValue("location").orElseThrow())
                .contains("key=" + java.net.URLEncoder.encode(uploaded, StandardCharsets.UTF_8));
        assertThat(store.size(uploaded)).contains((long) PDF.length);
        assertThat(store.storedAt(uploaded)).hasValueSatisfying(t ->
                assertThat(t).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(60)));

        String key = EvidenceKeys.storageKey(ref("report-key-4"), "u1u1u1u1u1u1u1u1", EvidenceType.PDF);
        store.copy(uploaded, key, EvidenceType.PDF.contentType());
        assertThat(store.get(key)).hasValueSatisfying(c -> assertThat(c.readAllBytes()).isEqualTo(PDF));
        store.delete(uploaded);
        assertThat(store.list(EvidenceKeys.reportPrefix(ref("report-key-4")))).containsExactly(key);
        assertThat(store.size(uploaded)).isEmpty();
    }

    @Test
    void inAVersionedBucketADeleteRemovesEveryVersionNotOnlyTheCurrentOne() throws Exception {
        try (S3Client admin = admin();
             S3EvidenceStore versioned = new S3EvidenceStore(new S3EvidenceStore.Settings("evidence-versioned",
                     "cn-north-1", Optional.of(moto.endpoint)), Clock.systemUTC())) {
            admin.createBucket(b -> b.bucket("evidence-versioned").createBucketConfiguration(c -> c.locationConstraint("cn-north-1")));
            admin.putBucketVersioning(b -> b.bucket("evidence-versioned").versioningConfiguration(v -> v.status("Enabled")));
            String staged = EvidenceKeys.uploadPrefix(ref("report-key-5"), "u2u2u2u2u2u2u2u2") + "伪装照片.jpg";
            versioned.put(staged, "not a photo".getBytes(StandardCharsets.UTF_8), "image/jpeg");
            versioned.put(staged, "posted again".getBytes(StandardCharsets.UTF_8), "image/jpeg");
            assertThat(admin.listObjectVersions(b -> b.bucket("evidence-versioned").prefix(staged)).versions()).hasSize(2);

            versioned.delete(staged);
            var left = admin.listObjectVersions(b -> b.bucket("evidence-versioned").prefix(staged));
            assertThat(left.versions()).as("no bytes kept as noncurrent versions").isEmpty();
            assertThat(left.deleteMarkers()).as("nothing hidden behind a delete marker").isEmpty();
            versioned.delete(staged); // gone already: nothing to do, no error
        }
    }

    @Test
    void aMissingKeyReadAs403ByAFunctionWithoutListBucketIsAbsent() throws Exception {
        // S3 answers a read of a missing key with 403 when the caller lacks s3:ListBucket (the API function's case).
        String forged = EvidenceKeys.uploadPrefix(ref("report-key-6"), "forged01forged01") + "x.pdf";
        String denied = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
        try (FaultProxy proxy = FaultProxy.to(moto.endpoint)
                .fail("HEAD /evidence-test/" + forged, 3, 403, "application/xml", "")
                .fail("GET /evidence-test/" + forged, 1, 403, "application/xml", denied);
             S3EvidenceStore viaProxy = new S3EvidenceStore(new S3EvidenceStore.Settings("evidence-test", "cn-north-1",
                     Optional.of(proxy.endpoint())), Clock.systemUTC())) {
            assertThat(viaProxy.size(forged)).isEmpty();
            assertThat(viaProxy.storedAt(forged)).isEmpty();
            assertThat(viaProxy.head(forged, 16)).isEmpty();
            viaProxy.delete(forged);
            assertThat(proxy.faulted("HEAD /evidence-test/" + forged)).isEqualTo(3);
        }
    }

    private static ReportRef ref(String reportKey) {
        return new ReportRef(2026, "2.5", "guanyun", reportKey);
    }

    private static S3Client admin() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of("cn-north-1")).endpointOverride(moto.endpoint).forcePathStyle(true).build();
    }

    /** The form posted to the bucket as a browser does. */
    static HttpResponse<String> post(URI action, Map<String, String> fields, String filename, byte[] content)
            throws Exception {
        return http.send(PresignedPost.request(action, fields, filename, content), HttpResponse.BodyHandlers.ofString());
    }
}
