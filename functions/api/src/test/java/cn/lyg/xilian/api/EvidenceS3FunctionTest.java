package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.s3.S3EvidenceStore;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.MotoS3;
import cn.lyg.xilian.testkit.PresignedPost;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 佐证材料 through the API Lambda handler (payload 2.0 events) with the S3 store against moto's S3 server: the unit
 * opens the upload page, the "browser" (the JDK's HTTP client, multipart as a browser sends it) posts a photo and a
 * PDF straight to the bucket with the signed form fields, follows S3's redirect back through the handler, and the
 * task page lists both; a text file named .jpg is refused and deleted; the JSON API does the same in two calls.
 */
@ExtendWith(DynaliteExtension.class)
class EvidenceS3FunctionTest {

    private static final String TASK = "2.5";
    private static final String UNIT = "guanyun";
    private static final String BUCKET = "evidence-it";
    static final byte[] JPEG = concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "JFIF photo".getBytes(StandardCharsets.US_ASCII));
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static MotoS3 moto;
    static ApplicationContext ctx;
    static ApiHandler handler;
    static S3EvidenceStore bucket;
    static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        moto = MotoS3.withBucket(BUCKET);
        String table = Dynalite.uniqueTableName("evidence");
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        p.put("xilian.evidence.bucket", BUCKET);
        p.put("xilian.evidence.endpoint", moto.endpoint.toString());
        p.put("xilian.web.public-base-url", "https://abc123def4.execute-api.cn-north-1.amazonaws.com.cn");
        ctx = ApplicationContext.builder().properties(p).environments("function").start();
        handler = new ApiHandler(ctx);
        // The event helpers of SupervisionLoopFunctionTest (sign in, report from the form, call) drive this handler.
        SupervisionLoopFunctionTest.handler = handler;
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            ctx.getBean(CatalogRepository.class).load(CatalogJson.read(in));
        }
        bucket = new S3EvidenceStore(new S3EvidenceStore.Settings(BUCKET, "us-east-1", Optional.of(moto.endpoint)),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        ctx.close();
        moto.close();
    }

    @Test
    void aUnitUploadsAPhotoAndAPdfStraightToS3AndTheReportListsBoth() throws Exception {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, UNIT, Duration.ofDays(7)).token();
        String cookie = SupervisionLoopFunctionTest.signIn(token);
        String report = SupervisionLoopFunctionTest.report(cookie, "40", "已完成现场踏勘");
        String reportPrefix = EvidenceKeys.reportPrefix(new ReportRef(2026, TASK, UNIT, report));

        String taskPage = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(cookie)).text();
        assertThat(taskPage).contains("evidence-upload-link").doesNotContain("name=\"files\"");

        assertThat(browserUpload(cookie, report, "现场照片.jpg", JPEG).status()).isEqualTo(303);
        assertThat(browserUpload(cookie, report, "规划批复（盖章）.pdf", PDF).status()).isEqualTo(303);

        String after = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(cookie)).text();
        assertThat(after).contains("佐证材料（2个）").contains("现场照片.jpg").contains("规划批复（盖章）.pdf");
        // The report's confirmation page lists them and offers the direct upload page for more.
        String confirmation = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/submissions/" + TASK + "/" + UNIT + "/"
                + report).cookieHeader(cookie)).text();
        assertThat(confirmation).contains("佐证材料（2个）").contains("现场照片.jpg").contains("规划批复（盖章）.pdf")
                .contains("href=\"/tasks/" + TASK + "/reports/" + report + "/evidence/upload\">继续上传佐证材料</a>")
                .doesNotContain("name=\"files\"");
        // Stored under id-only keys; the upload's staging objects are gone.
        assertThat(bucket.list(reportPrefix)).hasSize(2)
                .allSatisfy(k -> assertThat(k).matches(Pattern.quote(reportPrefix) + "[A-Za-z0-9]{16}\\.(jpg|pdf)"));

        // A text file named .jpg: refused by its content, and deleted.
        HttpApiResponse fake = browserUpload(cookie, report, "假照片.jpg", "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(422);
        assertThat(fake.text()).contains("FILE_TYPE_NOT_ALLOWED").contains("假照片.jpg");
        assertThat(bucket.list(reportPrefix)).hasSize(2);

        // Over 20 MB: S3 refuses the post by the policy's content-length-range; moto does not enforce POST
        // policies, so its upload lands and the confirmation refuses it by size and deletes it.
        byte[] big = Arrays.copyOf(PDF, (int) EvidenceRules.MAX_FILE_BYTES + 1);
        HttpApiResponse tooBig = browserUpload(cookie, report, "大文件.pdf", big);
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.text()).contains("FILE_TOO_LARGE");
        assertThat(bucket.list(reportPrefix)).hasSize(2);

        // Download: a short-lived link to the bucket, for the unit itself.
        Matcher link = Pattern.compile("href=\"(/evidence/[^\"]+)\">规划批复").matcher(after);
        assertThat(link.find()).isTrue();
        HttpApiResponse redirect = SupervisionLoopFunctionTest.call(HttpApiEvent.get(link.group(1).replace("&amp;", "&")).cookieHeader(cookie));
        assertThat(redirect.status()).isEqualTo(303);
        HttpResponse<byte[]> file = browser.send(HttpRequest.newBuilder(URI.create(redirect.header("location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(PDF);
    }

    @Test
    void theJsonApiSignsAnUploadAndAttachesItOnceWhateverTheRetries() throws Exception {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, UNIT, Duration.ofDays(7)).token();
        String cookie = SupervisionLoopFunctionTest.signIn(token);
        String report = SupervisionLoopFunctionTest.report(cookie, "50", "完成设计招标");
        HttpApiResponse form = SupervisionLoopFunctionTest.call(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reports/" + report
                + "/evidence/uploads").header("authorization", "Bearer " + token).json("{}"));
        assertThat(form.status()).as(form.text()).isEqualTo(201);
        String json = form.text();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        String action = tree.get("action").asText();
        Map<String, String> fields = new LinkedHashMap<>();
        tree.get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        HttpResponse<String> posted = post(URI.create(action), fields, "方案.pdf", PDF);
        assertThat(posted.statusCode()).as(json + " " + fields + " " + posted.body()).isEqualTo(303);
        String key = HttpApiEvent.decodeQuery(URI.create(posted.headers().firstValue("location").orElseThrow()).getRawQuery())
                .get("key").get(0);
        String body = "{\"key\":\"" + key + "\"}";
        String confirm = "/api/v1/tasks/" + TASK + "/reports/" + report + "/evidence";
        HttpApiResponse first = SupervisionLoopFunctionTest.call(HttpApiEvent.post(confirm).header("authorization", "Bearer " + token).json(body));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.text()).contains("\"displayName\":\"方案.pdf\"").contains("\"type\":\"PDF\"");
        HttpApiResponse again = SupervisionLoopFunctionTest.call(HttpApiEvent.post(confirm).header("authorization", "Bearer " + token).json(body));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).contains("\"replayed\":true");
        assertThat(bucket.list(EvidenceKeys.reportPrefix(new ReportRef(2026, TASK, UNIT, report)))).hasSize(1);
    }

    @Test
    void uploadsNeverAttachedAreDeletedAfterADayAndOnlyThem() throws Exception {
        String token = ctx.getBean(Credentials.class).issue(Role.UNIT, UNIT, Duration.ofDays(7)).token();
        String cookie = SupervisionLoopFunctionTest.signIn(token);
        String report = SupervisionLoopFunctionTest.report(cookie, "60", "完成施工图审查");
        assertThat(browserUpload(cookie, report, "审查意见.pdf", PDF).status()).isEqualTo(303);
        String reportPrefix = EvidenceKeys.reportPrefix(new ReportRef(2026, TASK, UNIT, report));
        String attached = bucket.list(reportPrefix).get(0);
        // A post whose redirect never came back, and a file stored by a run that died before recording it.
        String staged = EvidenceKeys.uploadPrefix(new ReportRef(2026, TASK, UNIT, report), "abandonedUpload1") + "照片.jpg";
        String unrecorded = reportPrefix + "crashedBeforeRec.pdf";
        bucket.put(staged, JPEG, "image/jpeg");
        bucket.put(unrecorded, PDF, "application/pdf");

        var records = ctx.getBean(cn.lyg.xilian.core.evidence.EvidenceRepository.class);
        var progress = ctx.getBean(cn.lyg.xilian.core.progress.ProgressRepository.class);
        var now = new cn.lyg.xilian.core.evidence.AttachEvidence(bucket, records, progress, Clock.systemUTC());
        assertThat(now.cleanUpUnattached(EvidenceRules.UNATTACHED_AFTER)).as("too fresh: maybe still being attached").isZero();
        var nextDay = new cn.lyg.xilian.core.evidence.AttachEvidence(bucket, records, progress,
                Clock.offset(Clock.systemUTC(), EvidenceRules.UNATTACHED_AFTER.plusHours(1)));
        assertThat(nextDay.cleanUpUnattached(EvidenceRules.UNATTACHED_AFTER)).isGreaterThanOrEqualTo(2);
        assertThat(bucket.list(reportPrefix)).containsExactly(attached);
        assertThat(nextDay.cleanUpUnattached(EvidenceRules.UNATTACHED_AFTER)).as("a second run").isZero();
        String after = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(cookie)).text();
        assertThat(after).contains("审查意见.pdf");
    }

    /** The upload page's form, posted to S3 as a browser does, then S3's redirect followed through the handler. */
    private static HttpApiResponse browserUpload(String cookie, String report, String name, byte[] content) throws Exception {
        HttpApiResponse page = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/tasks/" + TASK + "/reports/" + report
                + "/evidence/upload").cookieHeader(cookie));
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.header("content-security-policy").orElseThrow()).contains("form-action 'self' " + moto.endpoint);
        String html = page.text();
        String action = html.replaceAll("(?s).*class=\"card evidence-direct-form\" method=\"post\" enctype=\"multipart/form-data\" action=\"([^\"]+)\".*", "$1");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        assertThat(fields).containsKeys("key", "policy", "x-amz-signature", "success_action_redirect");
        HttpResponse<String> posted = post(URI.create(unescape(action)), fields, name, content);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        URI back = URI.create(posted.headers().firstValue("location").orElseThrow());
        assertThat(back.getHost()).isEqualTo("abc123def4.execute-api.cn-north-1.amazonaws.com.cn");
        return SupervisionLoopFunctionTest.call(HttpApiEvent.get(back.getRawPath() + "?" + back.getRawQuery()).cookieHeader(cookie));
    }

    /** The form posted to the bucket as a browser does. */
    static HttpResponse<String> post(URI action, Map<String, String> fields, String filename, byte[] content) throws Exception {
        return browser.send(PresignedPost.request(action, fields, filename, content), HttpResponse.BodyHandlers.ofString());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
