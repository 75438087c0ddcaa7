package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.MotoS3;
import cn.lyg.xilian.testkit.PresignedPost;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import cn.lyg.xilian.testkit.security.EvidenceAttacks;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.s3.S3EvidenceStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 through the API function (API Gateway payload 2.0 events, the S3 store against moto's S3): every
 * identifier of every evidence route, and the uploaded object's key, bent by traversal and encoding tricks toward
 * another unit's file. Each answer is a 4xx, and neither the bucket (every object) nor the table's evidence
 * items change.
 */
@ExtendWith(DynaliteExtension.class)
class EvidenceTraversalFunctionTest {

    private static final String TASK = "2.5";
    private static final String BUCKET = "evidence-traversal";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static MotoS3 moto;
    static FunctionFixture function;
    static S3EvidenceStore bucket;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        moto = MotoS3.withBucket(BUCKET);
        function = FunctionFixture.start(dynalite.endpoint(), "evidence-traversal", Map.of(
                "xilian.evidence.bucket", BUCKET, "xilian.evidence.endpoint", moto.endpoint.toString()));
        SupervisionLoopFunctionTest.handler = function.handler();
        bucket = new S3EvidenceStore(new S3EvidenceStore.Settings(BUCKET, "us-east-1", java.util.Optional.of(moto.endpoint)),
                java.time.Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        bucket.close();
        function.close();
        moto.close();
    }

    @Test
    void identifiersBentTowardAnotherUnitsFileTouchNoObjectAndNoItem() throws Exception {
        Credentials credentials = function.ctx().getBean(Credentials.class);
        String victimToken = credentials.issue(Role.UNIT, "guanyun", Duration.ofDays(7)).token();
        String victimCookie = SupervisionLoopFunctionTest.signIn(victimToken);
        String victimReport = SupervisionLoopFunctionTest.report(victimCookie, "30", "完成方案编制");
        Map<String, String> victimForm = uploadForm(victimToken, victimReport);
        HttpResponse<String> posted = HttpClient.newHttpClient().send(PresignedPost.request(URI.create(
                victimForm.remove("_action")), victimForm, "合同.pdf", PDF), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String stagedKey = HttpApiEvent.decodeQuery(URI.create(posted.headers().firstValue("location").orElseThrow())
                .getRawQuery()).get("key").get(0);
        HttpApiResponse attached = SupervisionLoopFunctionTest.call(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reports/"
                + victimReport + "/evidence").header("authorization", "Bearer " + victimToken)
                .json("{\"key\":\"" + stagedKey + "\"}"));
        assertThat(attached.status()).as(attached.text()).isEqualTo(201);
        var file = new ObjectMapper().readTree(attached.text()).get("item");
        String fileId = file.get("fileId").asText();
        String victimKey = file.get("storageKey").asText();

        String token = credentials.issue(Role.UNIT, "park-jiangyin-guanyun", Duration.ofDays(7)).token();
        String cookie = SupervisionLoopFunctionTest.signIn(token);
        String own = SupervisionLoopFunctionTest.report(cookie, "30", "完成方案编制");
        Map<String, String> ownForm = uploadForm(token, own);
        String ownUpload = ownForm.get("key").replace("${filename}", "");
        String uploadId = ownUpload.replaceAll(".*/upload-([A-Za-z0-9]+)/$", "$1");
        String csrf = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/tasks/" + TASK).cookieHeader(cookie)).text()
                .replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        Map<String, String> objectsBefore = objects();
        Map<String, String> itemsBefore = evidenceItems();
        String boundary = "----WebKitFormBoundaryTraversal1";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n"
                + new String(PDF, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String multipartType = "multipart/form-data; boundary=" + boundary;
        int sent = 0;
        for (String bent : EvidenceAttacks.segments("guanyun", victimReport)) {
            List<HttpApiEvent> attempts = List.of(
                    session(HttpApiEvent.post("/tasks/" + bent + "/reports/" + own + "/evidence"), cookie).body(multipartType, multipart),
                    session(HttpApiEvent.post("/tasks/" + TASK + "/reports/" + bent + "/evidence"), cookie).body(multipartType, multipart),
                    bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reports/" + bent + "/evidence/files"), token)
                            .body(multipartType, multipart),
                    HttpApiEvent.get("/evidence/" + bent + "/guanyun/" + victimReport + "/" + fileId).cookieHeader(cookie),
                    HttpApiEvent.get("/evidence/" + TASK + "/" + bent + "/" + victimReport + "/" + fileId).cookieHeader(cookie),
                    HttpApiEvent.get("/evidence/" + TASK + "/guanyun/" + bent + "/" + fileId).cookieHeader(cookie),
                    HttpApiEvent.get("/evidence/" + TASK + "/guanyun/" + victimReport + "/" + bent).cookieHeader(cookie),
                    HttpApiEvent.get("/tasks/" + bent + "/reports/" + own + "/evidence/upload").cookieHeader(cookie),
                    HttpApiEvent.get("/tasks/" + TASK + "/reports/" + bent + "/evidence/upload").cookieHeader(cookie),
                    HttpApiEvent.get("/tasks/" + TASK + "/reports/" + own + "/evidence/uploaded/" + bent + "?bucket=" + BUCKET
                            + "&key=" + enc(ownUpload + "x.pdf")).cookieHeader(cookie),
                    HttpApiEvent.get("/tasks/" + TASK + "/reports/" + bent + "/evidence/uploaded/" + uploadId + "?bucket="
                            + BUCKET + "&key=" + enc(ownUpload + "x.pdf")).cookieHeader(cookie),
                    bearer(HttpApiEvent.post("/api/v1/tasks/" + bent + "/reports/" + own + "/evidence/uploads"), token).json("{}"),
                    bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reports/" + bent + "/evidence/uploads"), token).json("{}"),
                    bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reports/" + bent + "/evidence"), token)
                            .json("{\"key\":\"" + ownUpload + "x.pdf\"}"));
            for (HttpApiEvent e : attempts) {
                HttpApiResponse r = SupervisionLoopFunctionTest.call(e);
                assertThat(r.status()).as(bent + " " + r.text()).isBetween(400, 499);
                sent++;
            }
        }
        for (String key : EvidenceAttacks.keys(ownUpload, victimKey, null)) {
            String json = "{\"key\":\"" + key.replace("\\", "\\\\").replace("\u0000", "\\u0000") + "\"}";
            HttpApiResponse api = SupervisionLoopFunctionTest.call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK
                    + "/reports/" + own + "/evidence"), token).json(json));
            assertThat(api.status()).as(key + " " + api.text()).isBetween(400, 499);
            HttpApiResponse page = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/tasks/" + TASK + "/reports/" + own
                    + "/evidence/uploaded/" + uploadId + "?bucket=" + BUCKET + "&key=" + enc(key)).cookieHeader(cookie));
            assertThat(page.status()).as(key + " " + page.text()).isBetween(400, 499);
            sent += 2;
        }
        assertThat(sent).isGreaterThan(200);
        assertThat(objects()).as("no object copied, moved or deleted").isEqualTo(objectsBefore);
        assertThat(evidenceItems()).as("no record written or changed").isEqualTo(itemsBefore);
        HttpApiResponse download = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/evidence/" + TASK + "/guanyun/"
                + victimReport + "/" + fileId).cookieHeader(victimCookie));
        assertThat(download.status()).isEqualTo(303);
    }

    /** The API's presigned POST for one of the caller's reports: its fields, and its target under "_action". */
    private static Map<String, String> uploadForm(String token, String report) throws Exception {
        HttpApiResponse form = SupervisionLoopFunctionTest.call(bearer(HttpApiEvent.post("/api/v1/tasks/" + TASK
                + "/reports/" + report + "/evidence/uploads"), token).json("{}"));
        assertThat(form.status()).as(form.text()).isEqualTo(201);
        var tree = new ObjectMapper().readTree(form.text());
        Map<String, String> fields = new LinkedHashMap<>();
        tree.get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        fields.put("_action", tree.get("action").asText());
        return fields;
    }

    private static HttpApiEvent bearer(HttpApiEvent e, String token) {
        return e.header("authorization", "Bearer " + token);
    }

    private static HttpApiEvent session(HttpApiEvent e, String cookie) {
        return e.cookieHeader(cookie).header("origin", "https://abc123def4.execute-api.cn-north-1.amazonaws.com.cn")
                .header("sec-fetch-site", "same-origin");
    }

    /** Every object in the bucket (moto's bucket is not versioned), with the SHA-256 of its content. */
    private static Map<String, String> objects() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String key : bucket.list(EvidenceKeys.ROOT)) {
            byte[] content = bucket.get(key).orElseThrow().readAllBytes();
            out.put(key, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        }
        return out;
    }

    /** Every evidence item of the table (files, slots, tickets) with all its attributes. */
    private static Map<String, String> evidenceItems() {
        String table = function.ctx().getBean(DynamoDbSettings.class).tableName();
        Map<String, String> out = new TreeMap<>();
        function.ctx().getBean(DynamoDbClient.class).scanPaginator(b -> b.tableName(table)).items().forEach(i -> {
            String sk = i.get("sk").s();
            if (sk.startsWith("FILE#") || sk.startsWith("SLOTS#") || sk.startsWith("UPLOAD#")) {
                out.put(i.get("pk").s() + " " + sk, new TreeMap<>(i).toString());
            }
        });
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
