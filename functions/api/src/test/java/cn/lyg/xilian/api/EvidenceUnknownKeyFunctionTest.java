package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.FaultProxy;
import cn.lyg.xilian.testkit.MotoS3;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged or unknown evidence keys through the API handler, with the S3 store against moto behind a proxy that counts
 * (and where said, answers like) S3: a download of a file that has no record is a 404 answered from the table
 * alone, with no request to the bucket; confirming an upload key that was never posted is a 404 even where S3
 * answers 403 (what it does for a missing key when the caller has no s3:ListBucket, as the API function).
 */
@ExtendWith(DynaliteExtension.class)
class EvidenceUnknownKeyFunctionTest {

    private static final String TASK = "2.5";
    private static final String UNIT = "guanyun";
    private static final String BUCKET = "evidence-unknown";

    static MotoS3 moto;
    static FaultProxy s3;
    static FunctionFixture function;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        moto = MotoS3.withBucket(BUCKET);
        s3 = FaultProxy.to(moto.endpoint);
        function = FunctionFixture.start(dynalite.endpoint(), "evidence-unknown", Map.of(
                "xilian.evidence.bucket", BUCKET, "xilian.evidence.endpoint", s3.endpoint().toString()));
        SupervisionLoopFunctionTest.handler = function.handler();
    }

    @AfterAll
    static void stop() throws Exception {
        function.close();
        s3.close();
        moto.close();
    }

    @Test
    void aDownloadOfAFileWithoutARecordIs404WithoutAskingS3() {
        String token = function.ctx().getBean(Credentials.class).issue(Role.UNIT, UNIT, Duration.ofDays(7)).token();
        String cookie = SupervisionLoopFunctionTest.signIn(token);
        String report = SupervisionLoopFunctionTest.report(cookie, "30", "完成方案编制");
        String coordinator = SupervisionLoopFunctionTest.signIn(function.ctx().getBean(Credentials.class)
                .issue(Role.COORDINATOR, null, Duration.ofDays(7)).token());
        Map<String, Integer> before = s3.seenCounts();

        for (String path : List.of(
                "/evidence/" + TASK + "/" + UNIT + "/" + report + "/forgedFileId0001",
                "/evidence/" + TASK + "/" + UNIT + "/no-such-report/forgedFileId0001",
                "/evidence/" + TASK + "/" + UNIT + "/" + report + "/upload-forgedFileId0001",
                "/evidence/9.99/" + UNIT + "/" + report + "/forgedFileId0001")) {
            for (String who : List.of(cookie, coordinator)) {
                HttpApiResponse r = SupervisionLoopFunctionTest.call(HttpApiEvent.get(path).cookieHeader(who));
                assertThat(r.status()).as(path + " " + r.text()).isEqualTo(404);
                assertThat(r.text()).contains("未找到该文件");
            }
        }
        assertThat(s3.seenCounts()).as("no request to the bucket").isEqualTo(before);
    }

    @Test
    void confirmingAnUploadThatWasNeverPostedIs404EvenWhereS3Answers403() throws Exception {
        String token = function.ctx().getBean(Credentials.class).issue(Role.UNIT, UNIT, Duration.ofDays(7)).token();
        String cookie = SupervisionLoopFunctionTest.signIn(token);
        String report = SupervisionLoopFunctionTest.report(cookie, "40", "完成施工招标");
        // A form (and its ticket) the client asked for, whose post never reached the bucket.
        HttpApiResponse form = SupervisionLoopFunctionTest.call(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reports/"
                + report + "/evidence/uploads").header("authorization", "Bearer " + token).json("{}"));
        assertThat(form.status()).as(form.text()).isEqualTo(201);
        String key = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form.text()).get("fields").get("key").asText();
        String forged = key.replace("${filename}", "x.pdf");
        String uploadId = forged.replaceAll(".*/upload-([A-Za-z0-9]+)/x\\.pdf", "$1");
        s3.fail("HEAD /" + BUCKET + "/" + forged, 1, 403, "application/xml", "");

        HttpApiResponse api = SupervisionLoopFunctionTest.call(HttpApiEvent.post("/api/v1/tasks/" + TASK + "/reports/"
                + report + "/evidence").header("authorization", "Bearer " + token).json("{\"key\":\"" + forged + "\"}"));
        assertThat(api.status()).as(api.text()).isEqualTo(404);
        assertThat(api.text()).contains("\"code\":\"UPLOAD_NOT_FOUND\"");
        assertThat(s3.faulted("HEAD /" + BUCKET + "/" + forged)).as("S3 was asked and said 403").isEqualTo(1);

        // A key outside the report's upload prefix (another unit's), or of another ticket than the signed redirect
        // names, is refused before any request to S3.
        Map<String, Integer> before = s3.seenCounts();
        String elsewhere = EvidenceKeys.uploadPrefix(new ReportRef(2026, TASK, "donghai", report), uploadId) + "x.pdf";
        for (String[] attempt : List.of(new String[]{uploadId, elsewhere}, new String[]{"otherUploadId001", forged})) {
            HttpApiResponse page = SupervisionLoopFunctionTest.call(HttpApiEvent.get("/tasks/" + TASK + "/reports/" + report
                    + "/evidence/uploaded/" + attempt[0] + "?bucket=" + BUCKET + "&key=" + java.net.URLEncoder.encode(attempt[1],
                    java.nio.charset.StandardCharsets.UTF_8)).cookieHeader(cookie));
            assertThat(page.status()).as(page.text()).isEqualTo(404);
        }
        assertThat(s3.seenCounts()).isEqualTo(before);
    }
}
