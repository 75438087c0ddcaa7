package cn.lyg.xilian.deploy;

import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on LocalStack (issue 10): the template's resources on LocalStack (CloudFormation), all four
 * functions in the Lambda Java runtime under the emulator, the stream poller with the template's settings,
 * email through LocalStack's SES read back from {@code /_aws/ses}.
 * infra/bin/test starts LocalStack natively (infra/localstack/native.sh) and sets LOCALSTACK_ENDPOINT;
 * without it the test is reported skipped with that reason.
 */
class LocalStackSmokeTest {

    static LocalStackTier tier;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        var endpoint = LocalStackConfig.endpoint().get();
        tier = new LocalStackTier(endpoint, "xilian-smoke-" + System.currentTimeMillis(), endpoint, endpoint,
                List.of("ApiFunction", "SubmissionEventFunction", "AlertScanFunction", "WeeklySummaryFunction"));
        tier.mailbox.clear();
    }

    @AfterAll
    static void stop() {
        if (tier != null) {
            tier.close();
        }
    }

    @Test
    void blockedReportAlertsOnceThenScanAndSummarySendOnce() throws Exception {
        String coordinator = "coordinator-a@xilian.example.cn";
        LocalDate scanDay = LocalStackTier.scanDay();
        LocalDate summaryDay = LocalStackTier.summaryDay();

        // 1. the plan and a credential, as the operator issues them
        String token = tier.loadPlanAndIssue("park-huiyu");

        // 2. the unit submits 受阻 through payload 2.0 events (JSON API, as a unit's system would)
        HttpApiClient api = new HttpApiClient(tier.functions.get("ApiFunction"));
        String key = "smoke-" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> json = Map.of("authorization", "Bearer " + token, "content-type", "application/json",
                "idempotency-key", key);
        String report = "{\"status\":\"受阻\",\"percent\":15,\"progress\":\"LocalStack 冒烟测试：园区道路完成招标\","
                + "\"problems\":\"用地指标未落实\",\"nextSteps\":\"提请市发改委协调\"}";
        HttpApiClient.Answer posted = api.call("POST", "/api/v1/tasks/2.2/progress", json, report);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

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

        // 5. the daily scan and the Monday summary, as Scheduler invokes them, "as of" chosen days
        StreamPoller.Invocation scan = tier.functions.get("AlertScanFunction")
                .invoke(LocalStackTier.schedulerPayload("AlertScanFunction", scanDay));
        assertThat(scan.functionError()).as(scan.payload()).isFalse();
        StreamPoller.Invocation summary = tier.functions.get("WeeklySummaryFunction")
                .invoke(LocalStackTier.schedulerPayload("WeeklySummaryFunction", summaryDay));
        assertThat(summary.functionError()).as(summary.payload()).isFalse();
        List<SesMailbox.Mail> afterJobs = tier.mailbox.messages();
        assertThat(afterJobs.size()).as("the scan and the summary sent mail").isGreaterThan(afterStream.size());
        SesMailbox.Mail summaryMail = afterJobs.stream().filter(m -> m.isTo(coordinator))
                .filter(m -> m.attachments().stream().anyMatch(a -> a.fileName().endsWith(".xlsx")))
                .findFirst().orElseThrow(() -> new AssertionError("no summary with the ledger for " + coordinator
                        + " among " + afterJobs.stream().map(SesMailbox.Mail::subject).toList()));
        SesMailbox.Attachment ledger = summaryMail.attachments().stream().filter(a -> a.fileName().endsWith(".xlsx"))
                .findFirst().orElseThrow();
        assertThat(ledger.contentType()).contains("spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.bytes()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务编号");
            assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(10);
        }

        // 6. everything a second time: the same form (a replay), the stream, the scan, the summary
        HttpApiClient.Answer again = api.call("POST", "/api/v1/tasks/2.2/progress", json, report);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"replayed\":true");
        tier.awaitStream(0, Duration.ZERO);
        assertThat(tier.functions.get("AlertScanFunction").invoke(
                LocalStackTier.schedulerPayload("AlertScanFunction", scanDay)).functionError()).isFalse();
        assertThat(tier.functions.get("WeeklySummaryFunction").invoke(
                LocalStackTier.schedulerPayload("WeeklySummaryFunction", summaryDay)).functionError()).isFalse();
        Thread.sleep(1000); // a stream record of the second round would have arrived by now
        tier.awaitStream(0, Duration.ZERO);
        List<SesMailbox.Mail> afterSecondRound = tier.mailbox.messages();
        long storedAfter = tier.progress.historyOfTask(2026, "2.2").stream().filter(s -> s.idempotencyKey().equals(key)).count();

        System.out.printf("[LocalStack smoke] scan as of %s, summary as of %s; requests: 5 to the API function, "
                        + "2 scans, 2 summaries; items stored with the key: %d; emails: %d after the stream, %d after the jobs, "
                        + "%d after the second round (%d with the ledger); %s%n",
                scanDay, summaryDay, storedAfter, afterStream.size(), afterJobs.size(), afterSecondRound.size(),
                afterSecondRound.stream().filter(m -> !m.attachments().isEmpty()).count(), tier.poller.figures());
        assertThat(storedAfter).isEqualTo(1);
        assertThat(afterSecondRound).as("no email twice").hasSameSizeAs(afterJobs);
        Set<String> ids = new HashSet<>();
        afterSecondRound.forEach(m -> assertThat(ids.add(m.messageId())).as("Message-ID %s once", m.messageId()).isTrue());
    }
}
