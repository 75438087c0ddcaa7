package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.testkit.AwsCallRecorder;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.micronaut.json.JsonMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler classes, each constructed with a context built here (dynalite table with the 2026 plan, an
 * outbox folder), invoked with the events the Lambda runtime would pass: the scheduler's input
 * ({@link JobRequest}) and a {@link DynamodbEvent} carrying the keys of a stored submission.
 */
@ExtendWith(DynaliteExtension.class)
class JobHandlersTest {

    /** A Tuesday and a working day: overdue, lead and unreported alerts are due for the 2026 plan. */
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
    @Test
    void theDailyScanWritesEmailsOnceAndASecondRunTheSameDayWritesNothingNew(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "scan-dedupe", null, Map.of());
             AlertScanHandler handler = new AlertScanHandler(app.context)) {
            // The scheduler's Input JSON, read by the context's JsonMapper as the runtime would bind it.
            JobRequest request = app.context.getBean(JsonMapper.class)
                    .readValue("{\"asOf\":\"2026-12-01\"}", JobRequest.class);

            AlertScanResult first = handler.execute(request);
            List<Path> afterFirst = app.emails();
            AlertScanResult second = handler.execute(request);

            assertThat(first.asOf()).isEqualTo(TUESDAY.toString());
            assertThat(first.newlyRecorded()).isPositive();
            assertThat(first.failed()).isEmpty();
            assertThat(first.withoutAddress()).isEmpty();
            assertThat(afterFirst).hasSize(first.delivered().size()).isNotEmpty();
            MimeMessage toCoordinators = afterFirst.stream().map(JobsTestApp::parse)
                    .filter(m -> JobsTestApp.to(m).contains(JobsTestApp.COORDINATOR)).findFirst().orElseThrow();
            assertThat(toCoordinators.getSubject()).isNotBlank();
            assertThat(toCoordinators.getMessageID()).isNotBlank();

            assertThat(second.found()).isEqualTo(first.found());
            assertThat(second.newlyRecorded()).isZero();
            assertThat(second.delivered()).isEmpty();
            assertThat(app.emails()).containsExactlyElementsOf(afterFirst);
            assertThat(app.context.getBean(AlertRepository.class).pending(2026)).isEmpty();
        }
    }

    @Test
    void anEmptyScheduleInputMeansTodayInShanghai(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "scan-today", null, Map.of());
             AlertScanHandler handler = new AlertScanHandler(app.context)) {
            JobRequest request = app.context.getBean(JsonMapper.class).readValue("{}", JobRequest.class);
            assertThat(handler.execute(request).asOf()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        }
    }

    @Test
    void aTransportThatFailsThenRecoversDeliversEveryAlertExactlyOnce(Dynalite dynalite) {
        FlakyTransport transport = new FlakyTransport();
        try (JobsTestApp app = JobsTestApp.start(dynalite, "scan-flaky", transport, Map.of());
             AlertScanHandler handler = new AlertScanHandler(app.context)) {
            transport.writeTo(app.outbox);
            AlertRepository alerts = app.context.getBean(AlertRepository.class);

            AlertScanResult failing = handler.execute(JobRequest.asOf(TUESDAY));
            int pendingAlerts = alerts.pending(2026).size();
            int pendingDeliveries = alerts.pending(2026).stream().mapToInt(a -> a.pendingAudiences().size()).sum();

            transport.down = false;
            AlertScanResult retry = handler.execute(JobRequest.asOf(TUESDAY)); // a retry the same day
            int emailsAfterRetry = app.emails().size();
            AlertScanResult nextDay = handler.execute(JobRequest.asOf(TUESDAY.plusDays(1)));

            assertThat(failing.delivered()).isEmpty();
            assertThat(failing.failed()).isNotEmpty();
            assertThat(emailsAfterRetry).as("written only once the transport works").isEqualTo(retry.delivered().size());
            assertThat(pendingAlerts).isEqualTo(failing.newlyRecorded());
            assertThat(retry.newlyRecorded()).isZero();
            assertThat(retry.failed()).isEmpty();
            assertThat(retry.delivered()).hasSize(failing.failed().size());
            // every (alert, audience) pair that was pending went out exactly once
            assertThat(retry.delivered().stream().mapToInt(AlertScanResult.Delivery::items).sum()).isEqualTo(pendingDeliveries);
            assertThat(alerts.pending(2026)).isEmpty();
            // the next day carries only that day's new findings, nothing of the failed batch again
            assertThat(nextDay.delivered().stream().mapToInt(AlertScanResult.Delivery::items).sum())
                    .isLessThanOrEqualTo(nextDay.newlyRecorded() * 2);
        }
    }

    @Test
    void aBlockedSubmissionOnTheStreamAlertsTheCoordinatorsOnceAndTheDailyScanDoesNotRepeatIt(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "stream", null, Map.of());
             SubmissionEventHandler streamHandler = new SubmissionEventHandler(app.context);
             AlertScanHandler scanHandler = new AlertScanHandler(app.context)) {
            Submission blocked = storeBlocked(app, "k-stream-1");

            StreamsEventResponse response = streamHandler.execute(event(
                    insert("101", Keys.taskHistoryPk(2026, blocked.taskId()), Keys.submissionSk(blocked.unitId(), "k-stream-1")),
                    // the state item's MODIFY of the same write, and an item that is not a submission: skipped
                    modify("102", Keys.planPk(2026), Keys.state(blocked.taskId(), blocked.unitId())),
                    insert("103", Keys.planPk(2026), Keys.taskSk(blocked.taskId()))));
            streamHandler.execute(event(insert("104", Keys.taskHistoryPk(2026, blocked.taskId()),
                    Keys.submissionSk(blocked.unitId(), "k-stream-1")))); // redelivered by Lambda

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(app.emails()).singleElement().satisfies(eml ->
                    assertThat(JobsTestApp.to(JobsTestApp.parse(eml))).containsExactly(JobsTestApp.COORDINATOR));

            List<Path> afterStream = app.emails();
            AlertScanResult daily = scanHandler.execute(JobRequest.asOf(TUESDAY));

            assertThat(daily.failed()).isEmpty();
            assertThat(app.context.getBean(AlertRepository.class).pending(2026)).isEmpty();
            // the daily emails do not repeat the reported 受阻 (its reason carries the reported problem)
            assertThat(app.emails().stream().filter(p -> !afterStream.contains(p)).map(JobsTestApp::parse)
                    .map(JobsTestApp::text)).isNotEmpty().noneSatisfy(body -> assertThat(body).contains("资金未到位"));
        }
    }

    @Test
    void withoutAStreamTheDailyScanIsTheBackstopForABlockedSubmission(Dynalite dynalite) {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "backstop", null, Map.of());
             AlertScanHandler scanHandler = new AlertScanHandler(app.context);
             SubmissionEventHandler streamHandler = new SubmissionEventHandler(app.context)) {
            Submission blocked = storeBlocked(app, "k-nostream");

            scanHandler.execute(JobRequest.asOf(TUESDAY));
            List<Path> afterScan = app.emails();
            // the stream event arriving late changes nothing
            StreamsEventResponse late = streamHandler.execute(event(insert("201",
                    Keys.taskHistoryPk(2026, blocked.taskId()), Keys.submissionSk(blocked.unitId(), "k-nostream"))));

            assertThat(late.getBatchItemFailures()).isEmpty();
            assertThat(app.emails()).containsExactlyElementsOf(afterScan);
            assertThat(afterScan.stream().map(JobsTestApp::parse).filter(m -> JobsTestApp.to(m).contains(JobsTestApp.COORDINATOR))
                    .map(JobsTestApp::text)).anySatisfy(body -> assertThat(body).contains("资金未到位"));
        }
    }

    @Test
    void aFailedEmailDoesNotFailTheRecordButAMissingSubmissionDoes(Dynalite dynalite) {
        FlakyTransport transport = new FlakyTransport();
        try (JobsTestApp app = JobsTestApp.start(dynalite, "stream-flaky", transport, Map.of());
             SubmissionEventHandler streamHandler = new SubmissionEventHandler(app.context)) {
            transport.writeTo(app.outbox);
            Submission blocked = storeBlocked(app, "k-flaky");

            StreamsEventResponse response = streamHandler.execute(event(
                    insert("301", Keys.taskHistoryPk(2026, blocked.taskId()), Keys.submissionSk(blocked.unitId(), "k-flaky")),
                    insert("302", Keys.taskHistoryPk(2026, blocked.taskId()), Keys.submissionSk(blocked.unitId(), "never-stored"))));

            assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly("302");
            assertThat(transport.refused).hasSize(1);
            assertThat(app.context.getBean(AlertRepository.class).pending(2026)).singleElement()
                    .satisfies(a -> assertThat(a.pendingAudiences()).containsExactly(Audience.COORDINATORS));
        }
    }

    @Test
    void theHandlersMakeOnlyTheAwsCallsTheFunctionDeclares(Dynalite dynalite) throws Exception {
        // with an operations address: the scan also tells operations that the 2027 holiday calendar is missing
        try (JobsTestApp app = JobsTestApp.start(dynalite, "aws-calls", null,
                Map.of("xilian.contacts.operations", List.of("ops@example.cn")));
             SubmissionEventHandler streamHandler = new SubmissionEventHandler(app.context);
             AlertScanHandler scanHandler = new AlertScanHandler(app.context);
             WeeklySummaryHandler summaryHandler = new WeeklySummaryHandler(app.context)) {
            Submission blocked = storeBlocked(app, "k-calls-1");

            AwsCallRecorder.during(() -> {
                streamHandler.execute(event(insert("301", Keys.taskHistoryPk(2026, blocked.taskId()),
                        Keys.submissionSk(blocked.unitId(), "k-calls-1"))));
                scanHandler.execute(JobRequest.asOf(TUESDAY));
                return summaryHandler.execute(JobRequest.asOf(TUESDAY.minusDays(1))); // a Monday
            });

            // functions/jobs/aws-calls.txt is what tests/deploy holds the job functions' policies to. Mail goes
            // to the outbox here; ses:SendRawEmail is exercised against moto in adapter-email's tests.
            assertThat(AwsCallRecorder.declared("jobs"))
                    .as("every AWS call the job handlers made is declared in functions/jobs/aws-calls.txt")
                    .containsAll(AwsCallRecorder.recorded());
            assertThat(AwsCallRecorder.recorded()).contains("dynamodb:GetItem", "dynamodb:Query",
                    "dynamodb:PutItem", "dynamodb:UpdateItem");
        }
    }

    /**
     * Issue 22: a 督办意见's INSERT, an extension decision's MODIFY and a sign-in link request's INSERT each give the
     * unit one email (redelivered records send nothing more); the request's pending INSERT and other units' records
     * nothing; the calls made are the declared ones.
     */
    @Test
    void theUnitNoticesAreSentOnceFromTheStream(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "unit-notices", null, Map.of());
             SubmissionEventHandler streamHandler = new SubmissionEventHandler(app.context)) {
            var ctx = app.context;
            var supervise = new cn.lyg.xilian.core.supervision.Supervise(
                    ctx.getBean(cn.lyg.xilian.core.supervision.ReviewRepository.class),
                    ctx.getBean(cn.lyg.xilian.core.supervision.ExtensionRepository.class),
                    ctx.getBean(cn.lyg.xilian.core.supervision.InstructionRepository.class),
                    ctx.getBean(cn.lyg.xilian.core.supervision.SupervisionRecords.class),
                    ctx.getBean(cn.lyg.xilian.core.progress.ProgressRepository.class), java.time.Clock.systemUTC(),
                    cn.lyg.xilian.core.supervision.ReviewListener.NONE);
            var coordinator = new cn.lyg.xilian.core.access.Principal(cn.lyg.xilian.core.access.Role.COORDINATOR, null, "c");
            var guanyun = new cn.lyg.xilian.core.access.Principal(cn.lyg.xilian.core.access.Role.UNIT, "guanyun", "g");
            supervise.instruct(app.plan, coordinator, "2.1", "guanyun", "请补充佐证材料", "note-key-jobs-1");
            supervise.requestExtension(app.plan, guanyun, "2.1", "2027-03-31", "需省级批复", "ext-key-jobs-1");
            supervise.decideExtension(app.plan, coordinator, "2.1", "guanyun", "ext-key-jobs-1", true, null, "同意");
            var links = new cn.lyg.xilian.core.access.RequestSignInLink(
                    ctx.getBean(cn.lyg.xilian.core.access.LinkRequestRepository.class),
                    ctx.getBean(cn.lyg.xilian.core.access.RateCounter.class), java.time.Clock.systemUTC(),
                    cn.lyg.xilian.core.access.RequestSignInLink.Listener.NONE);
            String known = ((cn.lyg.xilian.core.access.RequestSignInLink.Accepted) links.request("guanyun@example.cn",
                    "/tasks/2.1", "203.0.113.7")).requestId();
            String unknown = ((cn.lyg.xilian.core.access.RequestSignInLink.Accepted) links.request("nobody@example.cn",
                    null, "203.0.113.7")).requestId();

            String sup = Keys.supervisionPk(2026, "2.1");
            DynamodbEvent batch = event(insert("401", sup, Keys.instructionSk("note-key-jobs-1")),
                    insert("402", sup, Keys.extensionSk("guanyun", "ext-key-jobs-1")), // the request itself: pending then
                    modify("403", sup, Keys.extensionSk("guanyun", "ext-key-jobs-1")),
                    insert("404", Keys.linkRequestPk(known), Keys.LINK_REQUEST),
                    insert("405", Keys.linkRequestPk(unknown), Keys.LINK_REQUEST));
            StreamsEventResponse first = AwsCallRecorder.during(() -> streamHandler.execute(batch));
            StreamsEventResponse again = streamHandler.execute(batch); // redelivered

            assertThat(first.getBatchItemFailures()).isEmpty();
            assertThat(again.getBatchItemFailures()).isEmpty();
            List<String> subjects = app.emails().stream().map(JobsTestApp::parse).map(m -> {
                try {
                    assertThat(JobsTestApp.to(m)).containsExactly("guanyun@example.cn");
                    return m.getSubject();
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(subjects).containsExactlyInAnyOrder("【督办意见】任务2.1有新的督办意见",
                    "【延期申请】任务2.1的延期申请已获批准", "锡连帮扶合作进度通：灌云县的登录链接");
            assertThat(app.emails().stream().map(JobsTestApp::parse).map(JobsTestApp::text))
                    .anySatisfy(t -> assertThat(t).containsPattern("/login\\?token=[A-Za-z0-9_-]{43}&next=%2Ftasks%2F2\\.1"));
            assertThat(AwsCallRecorder.declared("jobs")).containsAll(AwsCallRecorder.recorded());
        }
    }

    // --- helpers ---

    private static Submission storeBlocked(JobsTestApp app, String key) {
        return app.storeBlocked(key);
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord insert(String sequence, String pk, String sk) {
        return record("INSERT", sequence, pk, sk);
    }

    private static DynamodbEvent.DynamodbStreamRecord modify(String sequence, String pk, String sk) {
        return record("MODIFY", sequence, pk, sk);
    }

    /** As a KEYS_ONLY stream delivers it. */
    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String sequence, String pk, String sk) {
        StreamRecord stream = new StreamRecord()
                .withKeys(Map.of("pk", new AttributeValue().withS(pk), "sk", new AttributeValue().withS(sk)))
                .withSequenceNumber(sequence)
                .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.KEYS_ONLY)
                .withSizeBytes(100L);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setEventID("event-" + sequence);
        record.setAwsRegion("cn-north-1");
        record.setDynamodb(stream);
        return record;
    }

}
