package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.chat.ChatChannel;
import cn.lyg.xilian.core.chat.outcome.ChatOutcome;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.core.chat.RecordingChatTransport;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.progress.ProgressStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.lyg.xilian.core.alert.Fixtures.DONGHAI;
import static cn.lyg.xilian.core.alert.Fixtures.GANYU;
import static cn.lyg.xilian.core.alert.Fixtures.plan;
import static cn.lyg.xilian.core.alert.Fixtures.reported;
import static cn.lyg.xilian.core.alert.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Group chat beside email: exactly once per channel, each channel's failure its own. */
class RunAlertScanChatTest {

    private static final LocalDate ASOF = LocalDate.of(2026, 12, 1); // 1.2 overdue (赣榆, red); 1.1 lead-30 (both)
    private static final ChatRobot FGW = new ChatRobot(ChatVendor.WECOM,
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=fgw", null);
    private static final ChatRobot GANYU_ROBOT = new ChatRobot(ChatVendor.DINGTALK,
            "https://oapi.dingtalk.com/robot/send?access_token=ganyu", "SECganyu");

    private final Plan plan = plan(LocalDate.of(2026, 3, 2),
            task("1.1", LocalDate.of(2026, 12, 31), GANYU, DONGHAI),
            task("1.2", LocalDate.of(2026, 11, 30), GANYU));
    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    private final RunAlertScanTest.RecordingTransport mail = new RunAlertScanTest.RecordingTransport();
    private final RecordingChatTransport chat = new RecordingChatTransport();
    private final Map<Audience, ChatRobot> robots = new HashMap<>(Map.of(Audience.COORDINATORS, FGW,
            Audience.unit(GANYU), GANYU_ROBOT));
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), PlanTime.ZONE);

    private RunAlertScan scan() {
        List<TaskUnitState> states = List.of(
                reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 100, ASOF.minusDays(1)),
                reported("1.1", DONGHAI, ProgressStatus.IN_PROGRESS, 100, ASOF.minusDays(1)),
                reported("1.2", GANYU, ProgressStatus.IN_PROGRESS, 100, ASOF.minusDays(1)));
        ProgressRepository progress = new ProgressRepository() {
            public RecordResult record(Submission submission) {
                throw new UnsupportedOperationException();
            }

            public List<TaskUnitState> statesOfTask(int year, String taskId) {
                throw new UnsupportedOperationException();
            }

            public List<TaskUnitState> statesOfUnit(int year, String unitId) {
                throw new UnsupportedOperationException();
            }

            public List<TaskUnitState> allStates(int year) {
                return states;
            }

            public List<Submission> historyOfTask(int year, String taskId) {
                throw new UnsupportedOperationException();
            }

            public List<Submission> submittedBetween(int year, Instant from, Instant to) {
                throw new UnsupportedOperationException();
            }
        };
        CatalogRepository catalog = new CatalogRepository() {
            public LoadResult load(Plan p) {
                throw new UnsupportedOperationException();
            }

            public Optional<Plan> plan(int year) {
                return Optional.of(plan);
            }
        };
        ContactDirectory contacts = new ContactDirectory() {
            public List<String> unitContacts(String unitId) {
                return List.of(unitId + "@example.cn");
            }

            public List<String> coordinators() {
                return List.of("fgw@example.cn");
            }
        };
        AlertMailRenderer renderer = digest -> new OutgoingEmail(digest.batchId(), digest.to(),
                String.join("\n", digest.lines().stream().map(AlertLine::alertKey).toList()).getBytes(StandardCharsets.UTF_8));
        ChatChannel channel = RecordingChatTransport.channel(robots, chat, clock);
        return new RunAlertScan(catalog, progress, alerts, contacts, renderer, mail,
                new AlertRules(new AlertEvaluator(), AlertSettings.defaults(), WorkCalendar.fromClasspath()),
                RunAlertScan.CoordinatorCopy.ALL, clock, channel);
    }

    @Test
    void eachRobotGetsOneMessageBesideTheEmailsAndARerunSendsNothingOnEitherChannel() {
        ScanReport first = scan().run(2026, ASOF);

        assertThat(mail.sent).hasSize(3);
        assertThat(chat.to(FGW)).singleElement().satisfies(m -> assertThat(m.markdown())
                .contains("红灯 **1** 项，黄灯 **1** 项（共 2 项任务）").contains("（东海县、赣榆区）"));
        assertThat(chat.to(GANYU_ROBOT)).singleElement().satisfies(m -> assertThat(m.markdown())
                .contains("督办提醒：赣榆区").contains("/board?unit=ganyu&"));
        assertThat(chat.posted).as("东海县 has no robot").hasSize(2);
        assertThat(first.chat()).extracting(ChatOutcome::kind).containsOnly(ChatOutcome.Kind.SENT);

        ScanReport again = scan().run(2026, ASOF);

        assertThat(mail.sent).hasSize(3);
        assertThat(chat.posted).hasSize(2);
        assertThat(again.chat()).isEmpty();
        assertThat(alerts.pending(2026)).isEmpty();
    }

    @Test
    void aThrottledRobotGetsItsMessageAtTheNextRunExactlyOnceAndTheEmailsAreNotHeldUp() {
        chat.throttleNext(1); // the first post (coordinators, in audience order) answers 45009

        ScanReport first = scan().run(2026, ASOF);

        assertThat(mail.sent).as("every email went out").hasSize(3);
        assertThat(first.chat()).extracting(ChatOutcome::audience, ChatOutcome::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("coordinators", ChatOutcome.Kind.RETRY_LATER),
                org.assertj.core.groups.Tuple.tuple("unit:ganyu", ChatOutcome.Kind.SENT));
        assertThat(first.chat().getFirst().detail()).contains("45009").doesNotContain("key=");
        assertThat(alerts.pending(2026)).as("pending on chat only").allSatisfy(a -> {
            assertThat(a.pendingAudiences()).isEmpty();
            assertThat(a.pendingChatAudiences()).containsExactly(Audience.COORDINATORS);
        });

        ScanReport second = scan().run(2026, ASOF);
        scan().run(2026, ASOF);

        assertThat(second.chat()).extracting(ChatOutcome::kind).containsExactly(ChatOutcome.Kind.SENT);
        assertThat(chat.to(FGW)).hasSize(1);
        assertThat(chat.to(GANYU_ROBOT)).hasSize(1);
        assertThat(mail.sent).as("no email twice").hasSize(3);
        assertThat(alerts.pending(2026)).isEmpty();
    }

    @Test
    void aMailOutageLeavesChatAloneAndChatIsNotRepeatedWhenTheMailIsRetried() {
        mail.failFor.add("fgw@example.cn");

        scan().run(2026, ASOF);
        assertThat(chat.posted).hasSize(2);

        mail.failFor.clear();
        scan().run(2026, ASOF);

        assertThat(mail.keysSentTo("fgw@example.cn")).as("the consolidated mail, once, with its three items").hasSize(3);
        assertThat(chat.posted).as("the chat messages are not sent again").hasSize(2);
    }

    @Test
    void alertsRecordedBeforeTheAudienceHadARobotNeverGoToChat() {
        robots.clear();
        scan().run(2026, ASOF);
        assertThat(mail.sent).hasSize(3);

        robots.put(Audience.COORDINATORS, FGW);
        ScanReport later = scan().run(2026, ASOF);

        assertThat(chat.posted).as("no backlog flood when a robot is added").isEmpty();
        assertThat(later.chat()).isEmpty();
    }

    @Test
    void aRobotRemovedBeforeTheNextRunDropsItsPendingItemsInsteadOfKeepingThemForever() {
        chat.refuseNext(2); // both robots refuse (e.g. a wrong secret): chat stays pending
        ScanReport first = scan().run(2026, ASOF);
        assertThat(first.chat()).extracting(ChatOutcome::kind).containsOnly(ChatOutcome.Kind.REFUSED);

        robots.clear(); // the coordinators removed the robots
        ScanReport second = scan().run(2026, ASOF);

        assertThat(second.chat()).extracting(ChatOutcome::kind).containsOnly(ChatOutcome.Kind.DROPPED);
        assertThat(alerts.pending(2026)).isEmpty();
        assertThat(chat.posted).isEmpty();
    }
}
