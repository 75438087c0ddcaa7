package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.ledger.XlsxLedgerWriter;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.json.JsonMapper;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WeeklySummaryHandler} with a context on dynalite holding the 2026 plan and the outbox transport,
 * invoked with the input the scheduler sends; the emails are read back from the .eml files.
 */
@ExtendWith(DynaliteExtension.class)
class WeeklySummaryHandlerTest {

    /** Monday 2026-11-30: the run covers 2026-W48 (11-23 … 11-29). */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final String W48 = "2026-W48";
    @Test
    void theMondayRunSendsTheCoordinatorsSummaryAndUnitDigestsAndASecondRunSendsNothing(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "weekly-once", null, Map.of());
             WeeklySummaryHandler handler = new WeeklySummaryHandler(app.context)) {
            reportInWeek48(app);
            JobRequest request = app.context.getBean(JsonMapper.class)
                    .readValue("{\"asOf\":\"2026-11-30\"}", JobRequest.class);

            WeeklySummaryResult first = handler.execute(request);
            List<Path> afterFirst = app.emails();
            WeeklySummaryResult second = handler.execute(request);
            WeeklySummaryResult laterInTheWeek = handler.execute(JobRequest.asOf(MONDAY.plusDays(3)));

            assertThat(first.week()).isEqualTo(W48);
            assertThat(first.failed()).isEmpty();
            assertThat(first.withoutAddress()).isEmpty();
            assertThat(first.sent()).contains(SendWeeklySummary.COORDINATORS_RECIPIENT)
                    .anyMatch(r -> r.startsWith("unit:")).doesNotHaveDuplicates();
            assertThat(afterFirst).hasSize(first.sent().size());
            // the coordinators' mail carries the 情况通报 too; the outbox writes it beside the .eml
            List<Path> bulletins;
            try (var files = java.nio.file.Files.list(app.outbox)) {
                bulletins = files.filter(f -> f.getFileName().toString().endsWith(".docx")).toList();
            }
            assertThat(bulletins).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                    .contains("coordinators").endsWith("-情况通报-2026-W48.docx"));
            try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(java.nio.file.Files.newInputStream(bulletins.getFirst()))) {
                assertThat(doc.getParagraphs().getFirst().getText()).isEqualTo("锡连南北结对帮扶合作工作情况通报");
                assertThat(doc.getTables().getFirst().getRows()).hasSize(1 + (int) app.plan.units().stream()
                        .filter(u -> app.plan.tasks().stream().anyMatch(t -> t.unitIds().contains(u.id()))).count());
            }

            List<MimeMessage> mails = afterFirst.stream().map(JobsTestApp::parse).toList();
            List<String> expectedRecipients = first.sent().stream().map(WeeklySummaryHandlerTest::addressOf).toList();
            assertThat(mails.stream().map(JobsTestApp::to))
                    .containsExactlyInAnyOrderElementsOf(expectedRecipients.stream().map(List::of).toList());
            MimeMessage toCoordinators = mails.stream().filter(m -> JobsTestApp.to(m).contains(JobsTestApp.COORDINATOR))
                    .findFirst().orElseThrow();
            assertThat(toCoordinators.getSubject()).contains("第48周");
            assertThat(toCoordinators.getMessageID()).contains("weekly-2026-W48-coordinators-g0@");
            int ledgerRows = app.plan.tasks().stream().mapToInt(t -> t.unitIds().size()).sum();
            assertThat(xlsxRows(toCoordinators)).as("header + one row per (task, unit)").isEqualTo(ledgerRows + 1);
            for (MimeMessage unitMail : mails) {
                if (unitMail != toCoordinators) {
                    assertThat(xlsxRows(unitMail)).isBetween(1, ledgerRows); // the unit's own rows only
                }
            }

            assertThat(second.sent()).isEmpty();
            assertThat(second.alreadySent()).containsExactlyInAnyOrderElementsOf(first.sent());
            assertThat(laterInTheWeek.week()).isEqualTo(W48);
            assertThat(laterInTheWeek.sent()).isEmpty();
            assertThat(app.emails()).containsExactlyElementsOf(afterFirst);
            assertThat(app.digests().ofWeek(2026, ReportWeek.parse(W48))).hasSize(first.sent().size())
                    .allSatisfy(r -> assertThat(r.sent()).isTrue());
            // the run fixed the week's snapshot: next week's baseline
            assertThat(app.digests().snapshot(2026, ReportWeek.parse(W48))).isPresent();
        }
    }

    @Test
    void aFailingTransportThenRecoveringSendsEveryMailExactlyOnce(Dynalite dynalite) {
        FlakyTransport transport = new FlakyTransport();
        try (JobsTestApp app = JobsTestApp.start(dynalite, "weekly-flaky", transport, Map.of());
             WeeklySummaryHandler handler = new WeeklySummaryHandler(app.context)) {
            transport.writeTo(app.outbox);

            WeeklySummaryResult failing = handler.execute(JobRequest.asOf(MONDAY));
            List<DigestRecord> pending = app.digests().ofWeek(2026, ReportWeek.parse(W48));
            transport.down = false;
            WeeklySummaryResult retry = handler.execute(JobRequest.asOf(MONDAY.plusDays(1))); // the daily retry
            WeeklySummaryResult again = handler.execute(JobRequest.asOf(MONDAY.plusDays(2)));

            assertThat(failing.sent()).isEmpty();
            assertThat(failing.failed()).isNotEmpty().allSatisfy(f -> assertThat(f).contains("simulated SES outage"));
            assertThat(pending).hasSize(failing.failed().size()).noneMatch(DigestRecord::sent);
            assertThat(retry.failed()).isEmpty();
            assertThat(retry.sent()).hasSize(failing.failed().size());
            assertThat(again.sent()).isEmpty();
            // exactly once: one .eml per recipient, and the retry kept each record's Message-ID
            List<MimeMessage> mails = app.emails().stream().map(JobsTestApp::parse).toList();
            assertThat(mails).hasSize(retry.sent().size());
            assertThat(mails.stream().map(m -> JobsTestApp.to(m).getFirst())).doesNotHaveDuplicates();
            assertThat(mails.stream().map(JobsTestApp::messageId))
                    .containsExactlyInAnyOrderElementsOf(transport.refused.stream().map(id -> "<" + id + ">").toList());
        }
    }

    @Test
    void aClassicScheduledEventOrAnEmptyInputMeansTheWeekBeforeTodayInShanghai(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "weekly-event", null, Map.of());
             WeeklySummaryHandler handler = new WeeklySummaryHandler(app.context)) {
            JsonMapper json = app.context.getBean(JsonMapper.class);
            // An EventBridge rule's ScheduledEvent: no asOf, unknown fields ignored → today.
            JobRequest scheduledEvent = json.readValue("""
                    {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
                     "source":"aws.events","account":"123456789012","time":"2026-11-30T01:00:00Z","region":"cn-north-1",
                     "resources":["arn:aws-cn:events:cn-north-1:123456789012:rule/weekly"],"detail":{}}""", JobRequest.class);
            String expected = ReportWeek.previousOf(LocalDate.now(ZoneId.of("Asia/Shanghai"))).id();

            WeeklySummaryResult fromEvent = handler.execute(scheduledEvent);
            WeeklySummaryResult fromEmpty = handler.execute(json.readValue("{}", JobRequest.class));

            assertThat(fromEvent.week()).isEqualTo(expected);
            assertThat(fromEvent.failed()).isEmpty();
            assertThat(fromEmpty.week()).isEqualTo(expected);
            assertThat(fromEmpty.sent()).isEmpty();
            assertThat(fromEmpty.alreadySent()).containsExactlyInAnyOrderElementsOf(fromEvent.sent());
        }
    }

    @Test
    void everyHandlersOutputSerializesWithTheContextsJsonMapper(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "weekly-json", null, Map.of());
             WeeklySummaryHandler weekly = new WeeklySummaryHandler(app.context);
             AlertScanHandler scan = new AlertScanHandler(app.context);
             SubmissionEventHandler stream = new SubmissionEventHandler(app.context)) {
            JsonMapper json = app.context.getBean(JsonMapper.class);

            WeeklySummaryResult weeklyResult = weekly.execute(JobRequest.asOf(MONDAY));
            String weeklyJson = new String(json.writeValueAsBytes(weeklyResult), StandardCharsets.UTF_8);
            AlertScanResult scanReport = scan.execute(JobRequest.asOf(MONDAY.plusDays(1)));
            String scanJson = new String(json.writeValueAsBytes(scanReport), StandardCharsets.UTF_8);
            DynamodbEvent empty = new DynamodbEvent();
            empty.setRecords(List.of());
            StreamsEventResponse streamResponse = stream.execute(empty);
            String streamJson = new String(json.writeValueAsBytes(streamResponse), StandardCharsets.UTF_8);
            String failureJson = new String(json.writeValueAsBytes(new StreamsEventResponse(
                    List.of(new StreamsEventResponse.BatchItemFailure("302")))), StandardCharsets.UTF_8);

            assertThat(weeklyJson).contains("\"week\":\"2026-W48\"").contains("\"sent\":[");
            assertThat(json.readValue(weeklyJson, WeeklySummaryResult.class)).isEqualTo(weeklyResult);
            assertThat(scanJson).contains("\"asOf\":\"2026-12-01\"").contains("\"found\":");
            assertThat(json.readValue(scanJson, AlertScanResult.class)).isEqualTo(scanReport);
            // empty lists are omitted; Lambda reads a missing batchItemFailures as "all records succeeded"
            assertThat(streamJson).isEqualTo("{}");
            assertThat(failureJson).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"302\"}]}");
        }
    }

    // --- helpers ---

    /** A few reports inside W48 (one done, one blocked), so the summary has changes and completions. */
    private static void reportInWeek48(JobsTestApp app) {
        ProgressRepository progress = app.context.getBean(ProgressRepository.class);
        List<PlanTask> tasks = app.plan.tasks();
        PlanTask a = tasks.get(0);
        PlanTask b = tasks.get(1);
        progress.record(SubmissionBuilder.submission(a.id(), a.unitIds().getFirst()).key("w48-a")
                .status(ProgressStatus.DONE, 100).progress("已完成签约").reporter("张三")
                .at(Instant.parse("2026-11-24T02:00:00Z")).build());
        progress.record(SubmissionBuilder.submission(b.id(), b.unitIds().getFirst()).key("w48-b")
                .status(ProgressStatus.BLOCKED, 30).progress("已对接").problems("资金未到位").nextSteps("协调资金")
                .reporter("李四").at(Instant.parse("2026-11-26T02:00:00Z")).build());
    }

    private static String addressOf(String recipientId) {
        return recipientId.equals(SendWeeklySummary.COORDINATORS_RECIPIENT) ? JobsTestApp.COORDINATOR
                : recipientId.substring("unit:".length()) + "@example.cn";
    }

    /** Opens the .xlsx attachment with POI and returns the number of rows of its ledger sheet. */
    private static int xlsxRows(MimeMessage message) {
        try {
            Part attachment = attachment(message.getContent()).orElseThrow(() -> new AssertionError("no .xlsx attached"));
            assertThat(attachment.getFileName()).endsWith(".xlsx");
            try (InputStream in = attachment.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheet(XlsxLedgerWriter.SHEET_NAME);
                assertThat(sheet).isNotNull();
                return sheet.getPhysicalNumberOfRows();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Part> attachment(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                        && part.isMimeType(XlsxLedgerWriter.CONTENT_TYPE)) {
                    return Optional.of(part);
                }
                Optional<Part> nested = attachment(part.getContent());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
