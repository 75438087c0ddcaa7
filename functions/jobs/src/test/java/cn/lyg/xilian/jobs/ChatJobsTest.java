package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.ConfigureRobots.RobotInput;
import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatRobots;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.supervision.ReviewRepository;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.chat.RobotStub;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs' handlers post to group robots beside email, through the HTTP sender to a local stub of each vendor (which
 * checks the signatures), with robots stored as a coordinator sets them ({@link ConfigureRobots}: sealed in the
 * directory, read by the jobs' {@link ChatRobots}). Exactly once per channel across reruns; a throttled robot gets its message at the next run, once.
 */
@ExtendWith(DynaliteExtension.class)
class ChatJobsTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final RobotStub.Wecom coordinators = new RobotStub.Wecom("fgw-key");
    private final RobotStub.Dingtalk dingtalk = new RobotStub.Dingtalk("unit-token", "SECunit-secret");
    private final RobotStub.Feishu feishu = new RobotStub.Feishu("unit-hook", "feishu-unit-secret");
    private final Map<Audience, ChatRobot> robots = new HashMap<>();
    private SettableClock clock;
    @TempDir
    Path keys;
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "0".repeat(64),
            "c-0123456789", null);

    /** The next run, after the robots' minute: a robot paused by "too fast" is asked again. */
    private void aMinuteLater() {
        clock.advance(java.time.Duration.ofMinutes(2));
    }

    @AfterEach
    void stop() {
        coordinators.close();
        dingtalk.close();
        feishu.close();
    }

    private JobsTestApp start(Dynalite dynalite, String hint) {
        // The application's clock is the test's: the robots' minute passes between runs without waiting, and the stubs
        // check the signatures' timestamps against the same clock (the vendors' clocks agree with ours).
        JobsTestApp app = JobsTestApp.start(dynalite, hint, null, Map.of(SettableClock.PROPERTY, "true",
                "xilian.chat.local-key-file", keys.resolve("chat-sealing.key").toString()));
        clock = app.context.getBean(SettableClock.class);
        coordinators.clock(clock::instant);
        dingtalk.clock(clock::instant);
        feishu.clock(clock::instant);
        String first = app.firstTask().unitIds().getFirst();
        String other = app.plan.units().stream().map(u -> u.id()).filter(id -> !id.equals(first)).findFirst().orElseThrow();
        robots.put(Audience.COORDINATORS, new ChatRobot(ChatVendor.WECOM, coordinators.webhook(), null));
        robots.put(Audience.unit(first), new ChatRobot(ChatVendor.DINGTALK, dingtalk.webhook(), "SECunit-secret"));
        robots.put(Audience.unit(other), new ChatRobot(ChatVendor.FEISHU, feishu.webhook(), "feishu-unit-secret"));
        // Stored as a coordinator sets them (群机器人): sealed in the directory, read by the jobs' DirectoryRobots.
        ConfigureRobots configure = app.context.getBean(ConfigureRobots.class);
        int n = 0;
        for (Map.Entry<Audience, ChatRobot> e : robots.entrySet()) {
            ChatRobot robot = e.getValue();
            assertThat(configure.save(COORDINATOR, e.getKey().key(), 0, new RobotInput(robot.vendor().name(),
                    robot.webhookUrl(), robot.secret()), "chat-jobs-robot-" + (n++)))
                    .isInstanceOf(Outcome.Done.class);
        }
        return app;
    }

    @Test
    void theDailyScanPostsOnceBesideTheEmailsAndARerunPostsNothing(Dynalite dynalite) {
        try (JobsTestApp app = start(dynalite, "chat-scan");
             AlertScanHandler handler = new AlertScanHandler(app.context)) {
            AlertScanResult first = handler.execute(JobRequest.asOf(TUESDAY));
            List<Path> emails = app.emails();
            aMinuteLater();
            AlertScanResult second = handler.execute(JobRequest.asOf(TUESDAY));

            assertThat(first.failed()).isEmpty();
            assertThat(first.chatNotSent()).isEmpty();
            List<String> mailed = first.delivered().stream().map(AlertScanResult.Delivery::audience).toList();
            int robotsWithAlerts = (int) robots.keySet().stream().filter(a -> mailed.contains(a.key())).count();
            assertThat(robotsWithAlerts).as("the coordinators at least").isPositive();
            assertThat(first.chatSent()).isEqualTo(robotsWithAlerts);
            assertThat(coordinators.received()).singleElement().satisfies(m -> assertThat(m.markdown())
                    .startsWith("### 督办提醒：市发改委 2026-12-01").contains("https://xilian.example.cn/")
                    .hasSizeLessThanOrEqualTo(4096));
            assertThat(dingtalk.received().size() + feishu.received().size()).isEqualTo(robotsWithAlerts - 1);

            assertThat(second.chatSent()).isZero();
            assertThat(second.chatNotSent()).isEmpty();
            assertThat(coordinators.received()).hasSize(1);
            assertThat(dingtalk.received().size() + feishu.received().size()).isEqualTo(robotsWithAlerts - 1);
            assertThat(app.emails()).containsExactlyElementsOf(emails);
            assertThat(app.context.getBean(AlertRepository.class).pending(2026)).isEmpty();
        }
    }

    @Test
    void aThrottledRobotGetsItsMessageAtTheNextRunOnceAndTheEmailsAreNotHeldUp(Dynalite dynalite) {
        try (JobsTestApp app = start(dynalite, "chat-throttled");
             AlertScanHandler handler = new AlertScanHandler(app.context)) {
            coordinators.answerNext(RobotStub.Wecom.TOO_FAST, 1);

            AlertScanResult first = handler.execute(JobRequest.asOf(TUESDAY));
            AlertScanResult sameMinute = handler.execute(JobRequest.asOf(TUESDAY));
            aMinuteLater();
            AlertScanResult second = handler.execute(JobRequest.asOf(TUESDAY));
            aMinuteLater();
            AlertScanResult third = handler.execute(JobRequest.asOf(TUESDAY));

            assertThat(first.failed()).as("every email went out").isEmpty();
            assertThat(first.chatNotSent()).singleElement().asString()
                    .startsWith("coordinators RETRY_LATER WECOM 45009").doesNotContain("fgw-key", "127.0.0.1", "http");
            assertThat(sameMinute.chatNotSent()).as("paused for the robot's minute: it waits, unasked")
                    .containsExactly("coordinators DEFERRED 20 a minute reached");
            assertThat(second.delivered()).as("no email again").isEmpty();
            assertThat(second.chatSent()).isEqualTo(1);
            assertThat(third.chatSent()).isZero();
            assertThat(coordinators.received()).hasSize(1);
            assertThat(coordinators.requests()).isEqualTo(2);
        }
    }

    @Test
    void theMondaySummaryGoesToTheCoordinatorsRobotOnceAWeek(Dynalite dynalite) {
        try (JobsTestApp app = start(dynalite, "chat-weekly");
             WeeklySummaryHandler handler = new WeeklySummaryHandler(app.context)) {
            feishu.answerNext(RobotStub.Feishu.TOO_MANY, 1); // the unit's 飞书 robot is busy at first, if it has a digest

            WeeklySummaryResult first = handler.execute(JobRequest.asOf(MONDAY));
            aMinuteLater();
            WeeklySummaryResult second = handler.execute(JobRequest.asOf(MONDAY.plusDays(1)));
            aMinuteLater();
            WeeklySummaryResult third = handler.execute(JobRequest.asOf(MONDAY.plusDays(2)));

            assertThat(first.failed()).isEmpty();
            assertThat(first.chatSent()).contains("coordinators");
            assertThat(coordinators.received()).singleElement().satisfies(m -> assertThat(m.markdown())
                    .startsWith("### 周报：2026-W48 推进情况").contains("https://xilian.example.cn/board"));
            assertThat(second.sent()).isEmpty();
            assertThat(third.chatSent()).isEmpty();
            assertThat(third.chatNotSent()).isEmpty();
            assertThat(coordinators.received()).hasSize(1);
            assertThat(feishu.received()).hasSizeLessThanOrEqualTo(1);
            assertThat(dingtalk.received()).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void aReturnedReportIsPostedToTheUnitsRobotOnceAcrossStreamRedeliveries(Dynalite dynalite) {
        try (JobsTestApp app = start(dynalite, "chat-returned");
             SubmissionEventHandler handler = new SubmissionEventHandler(app.context)) {
            Submission submission = app.storeBlocked("k-returned-1");
            Review returned = new Review(2026, submission.taskId(), submission.unitId(), "k-returned-1",
                    ReviewDecision.RETURNED, "请补充佐证材料", "r-1", Instant.parse("2026-11-30T03:00:00Z"));
            app.context.getBean(ReviewRepository.class).review(returned);
            DynamodbEvent event = event(Keys.supervisionPk(2026, submission.taskId()),
                    Keys.reviewSk(submission.unitId(), "k-returned-1"));

            handler.execute(event);
            handler.execute(event); // redelivered

            assertThat(dingtalk.received()).singleElement().satisfies(m -> {
                assertThat(m.title()).startsWith("报送退回：");
                assertThat(m.markdown()).contains("> 退回原因：请补充佐证材料")
                        .contains("(https://xilian.example.cn/tasks/" + submission.taskId() + ")");
            });
            assertThat(app.emails()).as("the 退回 email, once").hasSize(1);
        }
    }

    private static DynamodbEvent event(String pk, String sk) {
        StreamRecord stream = new StreamRecord()
                .withKeys(Map.of("pk", new AttributeValue().withS(pk), "sk", new AttributeValue().withS(sk)))
                .withSequenceNumber("201")
                .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.KEYS_ONLY);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(stream);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
