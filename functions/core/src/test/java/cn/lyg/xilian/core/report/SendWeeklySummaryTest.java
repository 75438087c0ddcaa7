package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.lyg.xilian.core.report.WeekFixture.DONGHAI;
import static cn.lyg.xilian.core.report.WeekFixture.EDU;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static cn.lyg.xilian.core.report.WeekFixture.GUANYUN;
import static cn.lyg.xilian.core.report.WeekFixture.W47;
import static org.assertj.core.api.Assertions.assertThat;

class SendWeeklySummaryTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private final Plan plan = WeekFixture.plan();
    private final InMemoryDigestRepository digests = new InMemoryDigestRepository();
    private final RecordingTransport transport = new RecordingTransport();
    private final Map<String, List<String>> unitContacts = new HashMap<>(Map.of(
            GANYU, List.of("ganyu@example.cn"), DONGHAI, List.of("donghai@example.cn"),
            GUANYUN, List.of("guanyun@example.cn"), EDU, List.of("edu@example.cn")));
    private final List<Instant[]> weekQueries = new ArrayList<>();
    private final cn.lyg.xilian.core.chat.RecordingChatTransport chatTransport = new cn.lyg.xilian.core.chat.RecordingChatTransport();
    private final Map<cn.lyg.xilian.core.alert.Audience, cn.lyg.xilian.core.chat.ChatRobot> robots = new HashMap<>();

    private SendWeeklySummary useCase() {
        return useCase(progress(), Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), PlanTime.ZONE));
    }

    private SendWeeklySummary useCase(ProgressRepository progress, Clock clock) {
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
                return unitContacts.getOrDefault(unitId, List.of());
            }

            public List<String> coordinators() {
                return List.of("fgw@example.cn");
            }
        };
        // Writes who it is for and the attachment's row count, so tests can see what went where.
        SummaryMailRenderer renderer = new SummaryMailRenderer() {
            public OutgoingEmail coordinatorsSummary(WeeklySummary summary, Envelope envelope) {
                return mail(envelope, "summary " + summary.week().id());
            }

            public OutgoingEmail unitDigest(UnitDigest digest, Envelope envelope) {
                return mail(envelope, "digest " + digest.unitId());
            }

            private OutgoingEmail mail(Envelope envelope, String body) {
                String text = body + " | " + envelope.attachment().fileName() + " | "
                        + new String(envelope.attachment().content(), StandardCharsets.UTF_8);
                return new OutgoingEmail(envelope.messageId(), envelope.to(), text.getBytes(StandardCharsets.UTF_8));
            }
        };
        LedgerWriter rowCounter = new LedgerWriter() {
            public String extension() {
                return "xlsx";
            }

            public String contentType() {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }

            public byte[] write(Ledger ledger) {
                return (ledger.rows().size() + " rows").getBytes(StandardCharsets.UTF_8);
            }
        };
        return new SendWeeklySummary(catalog, progress, digests, contacts, renderer, transport, rowCounter,
                new AlertRules(new AlertEvaluator(), AlertSettings.defaults(), WorkCalendar.fromClasspath()), "xilian.test",
                clock, null, 0, ExpiringLinks.NONE, null,
                cn.lyg.xilian.core.chat.RecordingChatTransport.channel(robots, chatTransport, clock));
    }

    /**
     * Serves the fixture; reading the history is a test failure (the cost must not grow with it): nothing was
     * reported after the week, so no pair's history is needed.
     */
    private ProgressRepository progress() {
        return new ProgressRepository() {
            public RecordResult record(Submission submission) {
                throw new UnsupportedOperationException();
            }

            public List<TaskUnitState> statesOfTask(int year, String taskId) {
                throw new AssertionError("the summary reads all states at once");
            }

            public List<TaskUnitState> statesOfUnit(int year, String unitId) {
                throw new AssertionError("the summary reads all states at once");
            }

            public List<TaskUnitState> allStates(int year) {
                return WeekFixture.states();
            }

            public List<Submission> historyOfTask(int year, String taskId) {
                throw new AssertionError("the summary must not read the history");
            }

            public List<Submission> submittedBetween(int year, Instant from, Instant to) {
                weekQueries.add(new Instant[]{from, to});
                return WeekFixture.weekSubmissions().stream()
                        .filter(s -> !s.submittedAt().isBefore(from) && s.submittedAt().isBefore(to)).toList();
            }
        };
    }

    @Test
    void sendsTheSummaryAndEachNonEmptyDigestOnce() {
        SummaryRunReport report = useCase().run(2026, MONDAY);

        assertThat(report.week()).isEqualTo(W47);
        assertThat(report.sent()).containsExactly("coordinators", "unit:ganyu", "unit:donghai", "unit:city-edu");
        assertThat(report.failed()).isEmpty();
        assertThat(transport.bodies()).containsExactly(
                "summary 2026-W47 | 锡连帮扶台账-2026-11-22.xlsx | 7 rows",
                "digest ganyu | 锡连帮扶台账-2026-11-22.xlsx | 2 rows",
                "digest donghai | 锡连帮扶台账-2026-11-22.xlsx | 2 rows",
                "digest city-edu | 锡连帮扶台账-2026-11-22.xlsx | 1 rows");
        assertThat(transport.sent).extracting(OutgoingEmail::messageId)
                .contains("weekly-2026-W47-coordinators-g0@xilian.test", "weekly-2026-W47-unit.ganyu-g0@xilian.test");
        assertThat(transport.sent.get(1).to()).containsExactly("ganyu@example.cn");
        assertThat(digests.ofWeek(2026, W47)).allMatch(DigestRecord::sent).hasSize(4);
        // one query for the week's submissions, bounded by the week, and one for those made since its end
        assertThat(weekQueries).hasSize(2);
        assertThat(weekQueries.get(0)).containsExactly(W47.end(), Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(weekQueries.get(1)).containsExactly(W47.start(), W47.end());
    }

    private static final cn.lyg.xilian.core.chat.ChatRobot FGW_ROBOT = new cn.lyg.xilian.core.chat.ChatRobot(
            cn.lyg.xilian.core.chat.ChatVendor.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/fgw", "s");
    private static final cn.lyg.xilian.core.chat.ChatRobot EDU_ROBOT = new cn.lyg.xilian.core.chat.ChatRobot(
            cn.lyg.xilian.core.chat.ChatVendor.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=edu", null);

    @Test
    void theRobotsGetTheWeekOnceBesideTheMailOnTheirOwnStateAndAThrottledOneAtTheNextRun() {
        robots.put(cn.lyg.xilian.core.alert.Audience.COORDINATORS, FGW_ROBOT);
        robots.put(cn.lyg.xilian.core.alert.Audience.unit(EDU), EDU_ROBOT);
        unitContacts.remove(EDU); // a unit with a robot but no address: chat alone
        chatTransport.throttleNext(1); // the coordinators' robot answers "too fast" first

        SummaryRunReport first = useCase().run(2026, MONDAY);

        assertThat(first.sent()).containsExactly("coordinators", "unit:ganyu", "unit:donghai");
        assertThat(first.withoutAddress()).containsExactly("unit:city-edu");
        assertThat(first.chat()).extracting(c -> c.audience() + " " + c.kind())
                .containsExactly("coordinators RETRY_LATER", "unit:city-edu SENT");
        assertThat(chatTransport.to(EDU_ROBOT)).singleElement().satisfies(m -> assertThat(m.markdown())
                .contains("周报：").contains("2026-W47").contains("/board?unit=city-edu&"));

        SummaryRunReport second = useCase().run(2026, TUESDAY);
        SummaryRunReport third = useCase().run(2026, TUESDAY);

        assertThat(second.sent()).isEmpty();
        assertThat(second.chat()).extracting(c -> c.audience() + " " + c.kind()).containsExactly("coordinators SENT");
        assertThat(third.chat()).isEmpty();
        assertThat(chatTransport.to(FGW_ROBOT)).singleElement().satisfies(m -> assertThat(m.markdown())
                .startsWith("### 周报：2026-W47 推进情况").contains("红灯"));
        assertThat(chatTransport.to(EDU_ROBOT)).hasSize(1);
        assertThat(transport.sent).as("each mail once").hasSize(3);
        assertThat(digests.ofWeek(2026, W47)).filteredOn(r -> r.recipientId().equals("coordinators")).singleElement()
                .satisfies(r -> assertThat(r.chatSent()).isTrue());
    }

    @Test
    void aMailFailureDoesNotStopTheRobotAndTheMailRetryDoesNotRepostIt() {
        robots.put(cn.lyg.xilian.core.alert.Audience.COORDINATORS, FGW_ROBOT);
        transport.failFor.add("fgw@example.cn");

        SummaryRunReport first = useCase().run(2026, MONDAY);
        assertThat(first.failed()).extracting(SummaryRunReport.Failure::recipientId).containsExactly("coordinators");
        assertThat(chatTransport.to(FGW_ROBOT)).hasSize(1);

        transport.failFor.clear();
        SummaryRunReport second = useCase().run(2026, TUESDAY);
        assertThat(second.sent()).containsExactly("coordinators");
        assertThat(second.chat()).isEmpty();
        assertThat(chatTransport.to(FGW_ROBOT)).hasSize(1);
    }

    @Test
    void aSecondRunOfTheSameWeekSendsNothing() {
        useCase().run(2026, MONDAY);
        int before = transport.sent.size();

        SummaryRunReport again = useCase().run(2026, TUESDAY);

        assertThat(transport.sent).hasSize(before);
        assertThat(again.sent()).isEmpty();
        assertThat(again.alreadySent()).containsExactly("coordinators", "unit:ganyu", "unit:donghai", "unit:city-edu");
    }

    @Test
    void aFailedSendIsRetriedOnTheNextRunWithTheSameMessageId() {
        transport.failFor.add("donghai@example.cn");
        SummaryRunReport first = useCase().run(2026, MONDAY);
        assertThat(first.failed()).extracting(SummaryRunReport.Failure::recipientId).containsExactly("unit:donghai");
        assertThat(first.sent()).hasSize(3);
        assertThat(digests.ofWeek(2026, W47)).filteredOn(r -> !r.sent())
                .extracting(DigestRecord::recipientId).containsExactly("unit:donghai");

        transport.failFor.clear();
        SummaryRunReport second = useCase().run(2026, TUESDAY);

        assertThat(second.sent()).containsExactly("unit:donghai");
        assertThat(second.alreadySent()).hasSize(3);
        assertThat(transport.sent).extracting(OutgoingEmail::messageId)
                .filteredOn(id -> id.contains("donghai")).containsExactly("weekly-2026-W47-unit.donghai-g0@xilian.test");
        assertThat(digests.ofWeek(2026, W47)).allMatch(DigestRecord::sent);
    }

    @Test
    void aUnitWithoutAddressGetsNoRecordUntilItHasOne() {
        unitContacts.remove(EDU);
        SummaryRunReport first = useCase().run(2026, MONDAY);
        assertThat(first.withoutAddress()).containsExactly("unit:city-edu");
        assertThat(digests.ofWeek(2026, W47)).extracting(DigestRecord::recipientId).doesNotContain("unit:city-edu");

        unitContacts.put(EDU, List.of("edu@example.cn"));
        assertThat(useCase().run(2026, TUESDAY).sent()).containsExactly("unit:city-edu");
    }

    @Test
    void theAdminResendSendsTheWeekAgainUnderNewMessageIds() {
        useCase().run(2026, MONDAY);
        transport.sent.clear();

        SummaryRunReport resent = useCase().resend(2026, W47);

        assertThat(resent.reopened()).isEqualTo(4);
        assertThat(resent.sent()).hasSize(4);
        assertThat(transport.sent).extracting(OutgoingEmail::messageId).allMatch(id -> id.contains("-g1@"));
        assertThat(useCase().run(2026, TUESDAY).sent()).as("and the schedule stays quiet afterwards").isEmpty();
    }

    @Test
    void theFirstRunFixesTheSnapshotThatIsNextWeeksBaseline() {
        assertThat(digests.snapshot(2026, W47)).isEmpty();
        useCase().run(2026, MONDAY);
        StatusSnapshot saved = digests.snapshot(2026, W47).orElseThrow();
        assertThat(saved.statusByPair()).containsKey("3.1.1#ganyu");

        useCase().run(2026, TUESDAY);
        assertThat(digests.snapshot(2026, W47)).containsSame(saved);
    }

    @Test
    void aLateRunAfterMoreReportsSaysExactlyWhatTheOnTimeRunSaid() {
        HistoryProgress history = new HistoryProgress();
        WeeklySummary onTime = useCase(history, Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), PlanTime.ZONE))
                .summaryOf(2026, W47);

        // Reports after the week ended: Monday morning before the run, later that week, and a pair's first report.
        history.add(WeekFixture.sub("3.1.1", GANYU, cn.lyg.xilian.core.progress.ProgressStatus.DONE, 100, Map.of(),
                java.time.LocalDateTime.of(2026, 11, 23, 0, 0), null));
        history.add(WeekFixture.sub("1.1", GANYU, cn.lyg.xilian.core.progress.ProgressStatus.BLOCKED, 65,
                Map.of("t1", new java.math.BigDecimal("9")), java.time.LocalDateTime.of(2026, 11, 27, 10, 0), "新问题"));
        history.add(WeekFixture.sub("3.1.2", DONGHAI, cn.lyg.xilian.core.progress.ProgressStatus.IN_PROGRESS, 20,
                Map.of(), java.time.LocalDateTime.of(2026, 11, 30, 9, 0), null));
        assertThat(history.allStates(2026)).as("today's picture did change").isNotEqualTo(WeekFixture.states());

        WeeklySummary late = useCase(history, Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), PlanTime.ZONE))
                .summaryOf(2026, W47);

        assertThat(late).isEqualTo(onTime);
        assertThat(late.ledger().rows()).filteredOn(r -> r.taskId().equals("1.1") && r.unitId().equals(GANYU))
                .singleElement().satisfies(r -> {
                    assertThat(r.percent()).isEqualTo(60);
                    assertThat(r.submissions()).isEqualTo(1);
                });
        assertThat(history.pairHistoriesRead).as("only the pairs reported since the week's end")
                .containsExactlyInAnyOrder("3.1.1#ganyu", "1.1#ganyu", "3.1.2#donghai");
    }

    /** A history-backed store: states are the newest submission per pair of the fixture, counts their history. */
    private static final class HistoryProgress implements ProgressRepository {
        private final List<Submission> all = new ArrayList<>();
        final List<String> pairHistoriesRead = new ArrayList<>();

        HistoryProgress() {
            WeekFixture.weekSubmissions().forEach(this::add);
            WeekFixture.states().stream().map(TaskUnitState::latest).filter(java.util.Objects::nonNull)
                    .filter(s -> all.stream().noneMatch(a -> a.idempotencyKey().equals(s.idempotencyKey())))
                    .forEach(this::add);
        }

        void add(Submission submission) {
            all.add(submission);
        }

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
            return WeekFixture.states().stream().map(s -> {
                List<Submission> pair = all.stream()
                        .filter(a -> a.taskId().equals(s.taskId()) && a.unitId().equals(s.unitId())).toList();
                Submission latest = pair.stream().reduce((a, b) -> b.isNewerThan(a) ? b : a).orElse(null);
                return new TaskUnitState(year, s.taskId(), s.unitId(), latest, pair.size());
            }).toList();
        }

        public List<Submission> historyOfTask(int year, String taskId) {
            throw new AssertionError("the summary reads single pairs' histories only");
        }

        @Override
        public List<Submission> historyOfTaskUnit(int year, String taskId, String unitId) {
            pairHistoriesRead.add(PairKey.of(taskId, unitId));
            return all.stream().filter(a -> a.taskId().equals(taskId) && a.unitId().equals(unitId)).toList();
        }

        public List<Submission> submittedBetween(int year, Instant from, Instant to) {
            return all.stream().filter(s -> !s.submittedAt().isBefore(from) && s.submittedAt().isBefore(to))
                    .sorted(java.util.Comparator.comparing(Submission::submittedAt)).toList();
        }
    }

    /** Accepts everything except mail to the addresses in {@code failFor}. */
    private static final class RecordingTransport implements MailTransport {
        final List<OutgoingEmail> sent = new ArrayList<>();
        final Set<String> failFor = new HashSet<>();

        @Override
        public void send(OutgoingEmail email) {
            if (email.to().stream().anyMatch(failFor::contains)) {
                throw new MailDeliveryException("refused: " + email.to(), null);
            }
            sent.add(email);
        }

        List<String> bodies() {
            return sent.stream().map(e -> new String(e.mime(), StandardCharsets.UTF_8)).toList();
        }
    }
}
