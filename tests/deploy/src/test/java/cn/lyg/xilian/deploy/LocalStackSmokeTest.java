package cn.lyg.xilian.deploy;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.ConfigureRobots.RobotInput;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.kms.KmsSealer;
import cn.lyg.xilian.runtime.Invocation;
import cn.lyg.xilian.testkit.chat.RobotStub;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on LocalStack (issue 10): the template's resources on LocalStack (CloudFormation), all four
 * functions in the Lambda Java runtime under the emulator, the stream poller with the template's settings,
 * email through LocalStack's SES read back from {@code /_aws/ses}, and (issue 26) the coordinators' group robot: a
 * 钉钉 stub with 加签 on loopback, stored through 群机器人's use case sealed with the stack's ChatSealingKey in LocalStack's
 * KMS, which the functions open with the same key.
 * infra/bin/test starts LocalStack natively (infra/localstack/native.sh) and sets LOCALSTACK_ENDPOINT;
 * without it the test is reported skipped with that reason.
 */
class LocalStackSmokeTest {

    static final String ROBOT_TOKEN = "fgw-localstack-token";
    static final String ROBOT_SECRET = "SECfgw-localstack-secret";
    static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "0".repeat(64), "c-0123456789", null);

    static LocalStackTier tier;
    static RobotStub.Dingtalk robot;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        var endpoint = LocalStackConfig.endpoint().get();
        tier = new LocalStackTier(endpoint, "xilian-smoke-" + System.currentTimeMillis(), endpoint, endpoint,
                List.of("ApiFunction", "SubmissionEventFunction", "AlertScanFunction", "WeeklySummaryFunction"));
        tier.mailbox.clear();
        robot = new RobotStub.Dingtalk(ROBOT_TOKEN, ROBOT_SECRET);
    }

    @AfterAll
    static void stop() {
        if (robot != null) {
            robot.close();
        }
        if (tier != null) {
            tier.close();
        }
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return out;
    }

    static String urlEncoded(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Test
    void blockedReportAlertsOnceThenScanAndSummarySendOnce() throws Exception {
        String coordinator = "coordinator-a@xilian.example.cn";
        LocalDate scanDay = LocalStackTier.scanDay();
        LocalDate summaryDay = LocalStackTier.summaryDay();

        // 1. the plan and a credential, as the operator issues them; the coordinators' robot, as a coordinator
        //    stores it in 群机器人 (before any job function runs), sealed with the stack's key in LocalStack's KMS
        String token = tier.loadPlanAndIssue("park-huiyu");
        String keyId = tier.stack.physicalIds.get("ChatSealingKey");
        assertThat(keyId).as("the stack's ChatSealingKey in LocalStack's KMS").isNotBlank();
        try (KmsClient kms = tier.kms()) {
            assertThat(tier.configureRobots(new KmsSealer(kms, keyId)).save(COORDINATOR, "coordinators", 0,
                    new RobotInput("DINGTALK", robot.webhook(), ROBOT_SECRET), "localstack-smoke-robot-1"))
                    .isInstanceOf(Outcome.Done.class);
        }
        String storedRobot = tier.dynamo.getItem(b -> b.tableName(tier.stack.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("DIR"), "sk", AttributeValue.fromS("CHAT#coordinators"))))
                .item().toString();
        assertThat(storedRobot).as("the robot stored sealed").contains("DINGTALK").contains(KmsSealer.PREFIX)
                .doesNotContain(ROBOT_TOKEN, ROBOT_SECRET);
        String base = tier.front.baseUrl() + "/";

        // 2. the unit signs in and submits the form with 受阻, over HTTP through the API Gateway front
        HttpClient browser = LocalStackTier.browser();
        URI front = URI.create(tier.front.baseUrl() + "/");
        String session = tier.signIn(token); // the sign-in link's confirmation page (200), its form (303)
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(front.resolve("tasks/2.2")).header("Cookie", session)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(hiddenFields(page.body()));
        assertThat(form).containsKeys("_csrf", "idempotencyKey");
        form.put("status", ProgressStatus.BLOCKED.name());
        form.put("percent", "15");
        form.put("progress", "LocalStack 冒烟测试：园区道路完成招标");
        form.put("problems", "用地指标未落实");
        form.put("nextSteps", "提请市发改委协调");
        HttpRequest submit = HttpRequest.newBuilder(front.resolve("tasks/2.2"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .header("Origin", tier.front.baseUrl()).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form))).build();
        HttpResponse<String> posted = browser.send(submit, HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(posted.headers().firstValue("location").orElse("")).startsWith("/submissions/2.2/park-huiyu/");
        String key = form.get("idempotencyKey");

        // 3. the item in LocalStack's DynamoDB
        List<Submission> stored = tier.progress.historyOfTask(2026, "2.2").stream()
                .filter(s -> s.idempotencyKey().equals(key)).toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).status()).isEqualTo(ProgressStatus.BLOCKED);

        // 4. the stream record reaches the SubmissionEventFunction; the coordinators' alert is in SES
        int delivered = tier.awaitStream(1, Duration.ofSeconds(60));
        assertThat(delivered).as(tier.poller.figures()).isGreaterThanOrEqualTo(1);
        List<SesMailbox.Mail> afterStream = tier.mailbox.messages();
        assertThat(afterStream).as("the immediate 受阻 alert").anySatisfy(m -> {
            assertThat(m.isTo(coordinator)).isTrue();
            assertThat(m.text()).contains("2.2").contains("受阻");
        });
        // ... and in the coordinators' group, once, signed as 钉钉 checks it (the stub refuses a bad signature)
        assertThat(robot.received()).as("the immediate 受阻 alert in chat").singleElement().satisfies(m ->
                assertThat(m.markdown()).contains("2.2").as("an absolute link").contains(base));
        assertThat(robot.requests()).isEqualTo(1);

        // 5. the daily scan and the Monday summary, as Scheduler invokes them, "as of" chosen days
        Invocation scan = tier.functions.get("AlertScanFunction")
                .invoke(LocalStackTier.schedulerPayload("AlertScanFunction", scanDay));
        assertThat(scan.functionError()).as(scan.response()).isFalse();
        // The scan posts what it newly found for the coordinators (the 受阻 report went out above): whatever that
        // is on the day, each post it reports reached the stub, signed, and none was held back.
        JsonNode scanResult = LocalStackTier.JSON.readTree(scan.response());
        assertThat(scanResult.path("chatNotSent").isEmpty()).as(scan.response()).isTrue();
        assertThat(robot.received()).as("the scan's posts").hasSize(1 + scanResult.path("chatSent").asInt());
        int beforeSummary = robot.received().size();
        Invocation summary = tier.functions.get("WeeklySummaryFunction")
                .invoke(LocalStackTier.schedulerPayload("WeeklySummaryFunction", summaryDay));
        assertThat(summary.functionError()).as(summary.response()).isFalse();
        JsonNode summaryResult = LocalStackTier.JSON.readTree(summary.response());
        assertThat(summaryResult.path("chatNotSent").isEmpty()).as(summary.response()).isTrue();
        assertThat(summaryResult.path("chatSent")).as(summary.response()).hasSize(1);
        assertThat(robot.received()).as("the week's message, once").hasSize(beforeSummary + 1);
        assertThat(robot.received().get(beforeSummary).markdown()).as("an absolute link").contains(base);
        assertThat(robot.requests()).as("every post signed and accepted").isEqualTo(robot.received().size());
        int postsAfterJobs = robot.requests();
        List<SesMailbox.Mail> afterJobs = tier.mailbox.messages();
        assertThat(afterJobs.size()).as("the scan and the summary sent mail").isGreaterThan(afterStream.size());
        // the summary's ledger, not an alert digest's list (预警清单-<date>.xlsx, also sent to the coordinators)
        java.util.function.Predicate<SesMailbox.Attachment> isLedger = a -> a.fileName().endsWith(".xlsx")
                && !a.fileName().startsWith("预警清单");
        SesMailbox.Mail summaryMail = afterJobs.stream().filter(m -> m.isTo(coordinator))
                .filter(m -> m.attachments().stream().anyMatch(isLedger))
                .findFirst().orElseThrow(() -> new AssertionError("no summary with the ledger for " + coordinator
                        + " among " + afterJobs.stream().map(SesMailbox.Mail::subject).toList()));
        SesMailbox.Attachment ledger = summaryMail.attachments().stream().filter(isLedger)
                .findFirst().orElseThrow();
        assertThat(ledger.contentType()).contains("spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.bytes()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务编号");
            assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(10);
        }

        // 6. everything a second time: the same form (a replay), the stream, the scan, the summary
        HttpResponse<String> again = browser.send(submit, HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as("the same form again: a replay").isEqualTo(303);
        assertThat(again.headers().firstValue("location")).isEqualTo(posted.headers().firstValue("location"));
        tier.awaitStream(0, Duration.ZERO);
        assertThat(tier.functions.get("AlertScanFunction").invoke(
                LocalStackTier.schedulerPayload("AlertScanFunction", scanDay)).functionError()).isFalse();
        assertThat(tier.functions.get("WeeklySummaryFunction").invoke(
                LocalStackTier.schedulerPayload("WeeklySummaryFunction", summaryDay)).functionError()).isFalse();
        Thread.sleep(1000); // a stream record of the second round would have arrived by now
        tier.awaitStream(0, Duration.ZERO);
        List<SesMailbox.Mail> afterSecondRound = tier.mailbox.messages();
        long storedAfter = tier.progress.historyOfTask(2026, "2.2").stream().filter(s -> s.idempotencyKey().equals(key)).count();

        System.out.printf("[LocalStack smoke] scan as of %s, summary as of %s; requests: 5 through the API front, "
                        + "2 scans, 2 summaries; items stored with the key: %d; emails: %d after the stream, %d after the jobs, "
                        + "%d after the second round (%d with the ledger); robot posts: %d; %s%n",
                scanDay, summaryDay, storedAfter, afterStream.size(), afterJobs.size(), afterSecondRound.size(),
                afterSecondRound.stream().filter(m -> !m.attachments().isEmpty()).count(), robot.requests(),
                tier.poller.figures());
        assertThat(storedAfter).isEqualTo(1);
        assertThat(afterSecondRound).as("no email twice").hasSameSizeAs(afterJobs);
        assertThat(robot.requests()).as("nothing posted twice").isEqualTo(postsAfterJobs);
        Set<String> ids = new HashSet<>();
        afterSecondRound.forEach(m -> assertThat(ids.add(m.messageId())).as("Message-ID %s once", m.messageId()).isTrue());
    }
}
