package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.calendar.WorkCalendar;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.ProgressTrail;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.lyg.xilian.core.alert.Fixtures.DONGHAI;
import static cn.lyg.xilian.core.alert.Fixtures.GANYU;
import static cn.lyg.xilian.core.alert.Fixtures.plan;
import static cn.lyg.xilian.core.alert.Fixtures.reported;
import static cn.lyg.xilian.core.alert.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

class RunAlertScanTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    /** Two tasks: 1.1 for both units, due 2026-12-31 (Thu); 1.2 for 赣榆 only, due 2026-11-30 (Mon). */
    private final Plan plan = plan(ISSUED,
            task("1.1", LocalDate.of(2026, 12, 31), GANYU, DONGHAI),
            task("1.2", LocalDate.of(2026, 11, 30), GANYU));

    private final List<TaskUnitState> states = new ArrayList<>();
    private int planReads;
    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    private final RecordingTransport transport = new RecordingTransport();

    private static final Map<String, List<String>> UNIT_CONTACTS = Map.of(
            GANYU, List.of("ganyu@example.cn"), DONGHAI, List.of("donghai@example.cn", "donghai2@example.cn"));
    private static final List<String> COORDINATORS = List.of("fgw@example.cn");

    private RunAlertScan scan(RunAlertScan.CoordinatorCopy copy) {
        CatalogRepository catalog = new CatalogRepository() {
            public LoadResult load(Plan p) {
                throw new UnsupportedOperationException();
            }

            public Optional<Plan> plan(int year) {
                planReads++;
                return Optional.of(plan);
            }
        };
        ContactDirectory contacts = new ContactDirectory() {
            public List<String> unitContacts(String unitId) {
                return UNIT_CONTACTS.getOrDefault(unitId, List.of());
            }

            public List<String> coordinators() {
                return COORDINATORS;
            }
        };
        // The renderer writes the alert keys, one a line, so tests can see which items went where.
        AlertMailRenderer renderer = digest -> new OutgoingEmail(digest.batchId(), digest.to(),
                String.join("\n", digest.lines().stream().map(AlertLine::alertKey).toList()).getBytes(StandardCharsets.UTF_8));
        return new RunAlertScan(catalog, progress(), alerts, contacts, renderer, transport, new AlertRules(new AlertEvaluator(),
                AlertSettings.defaults(), WorkCalendar.fromClasspath()), copy,
                Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), PlanTime.ZONE));
    }

    private ProgressRepository progress() {
        return new ProgressRepository() {
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
                return List.copyOf(states);
            }

            public List<Submission> historyOfTask(int year, String taskId) {
                throw new UnsupportedOperationException();
            }

            public List<Submission> submittedBetween(int year, Instant from, Instant to) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Records what was sent; fails for the addresses in {@code failFor} while it is non-empty. */
    static final class RecordingTransport implements MailTransport {
        final List<OutgoingEmail> sent = new ArrayList<>();
        final Set<String> failFor = new HashSet<>();
        final List<OutgoingEmail> attempted = new ArrayList<>();

        @Override
        public void send(OutgoingEmail email) {
            attempted.add(email);
            if (email.to().stream().anyMatch(failFor::contains)) {
                throw new MailDeliveryException("simulated outage for " + email.to(), null);
            }
            sent.add(email);
        }

        List<String> keysSentTo(String address) {
            return sent.stream().filter(e -> e.to().contains(address))
                    .flatMap(e -> new String(e.mime(), StandardCharsets.UTF_8).lines()).toList();
        }
    }

    private void allOnTrackReportedOn(LocalDate on) {
        states.clear();
        states.add(reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 100, on));
        states.add(reported("1.1", DONGHAI, ProgressStatus.IN_PROGRESS, 100, on));
        states.add(reported("1.2", GANYU, ProgressStatus.IN_PROGRESS, 100, on));
    }

    /** 预计逾期 is raised once per pair and deadline, however many daily scans see it. */
    @Test
    void aProjectedLatePairIsAlertedOnce() {
        LocalDate sep1 = LocalDate.of(2026, 9, 1);
        states.clear();
        states.add(reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 60, sep1).withTrail(new ProgressTrail(List.of(
                new ProgressTrail.Point(LocalDate.of(2026, 7, 1), 50), new ProgressTrail.Point(LocalDate.of(2026, 8, 1), 55),
                new ProgressTrail.Point(sep1, 60)))));
        states.add(reported("1.1", DONGHAI, ProgressStatus.IN_PROGRESS, 100, sep1));
        states.add(reported("1.2", GANYU, ProgressStatus.IN_PROGRESS, 100, sep1));
        RunAlertScan scan = scan(RunAlertScan.CoordinatorCopy.ALL);
        scan.run(2026, LocalDate.of(2026, 9, 2));
        scan.run(2026, LocalDate.of(2026, 9, 3));
        scan.run(2026, LocalDate.of(2026, 9, 3));
        List<String> all = transport.sent.stream()
                .flatMap(e -> new String(e.mime(), StandardCharsets.UTF_8).lines()).toList();
        assertThat(all).containsOnly("2026|1.1|ganyu|PROJECTED_LATE|projected-late-2026-12-31");
        assertThat(transport.keysSentTo("fgw@example.cn")).hasSize(1);
        assertThat(transport.keysSentTo("ganyu@example.cn")).hasSize(1);
    }

    @Test
    void eachUnitGetsOneEmailWithItsOwnItemsAndCoordinatorsOneConsolidatedEmail() {
        LocalDate asOf = LocalDate.of(2026, 12, 1); // 1.2 overdue-1 (赣榆, red); 1.1 lead-30 (both units)
        allOnTrackReportedOn(asOf.minusDays(1));

        ScanReport report = scan(RunAlertScan.CoordinatorCopy.ALL).run(2026, asOf);

        assertThat(report.newlyRecorded()).isEqualTo(3);
        assertThat(transport.sent).hasSize(3);
        assertThat(transport.keysSentTo("ganyu@example.cn"))
                .containsExactly("2026|1.2|ganyu|OVERDUE|overdue-1", "2026|1.1|ganyu|APPROACHING|lead-30");
        assertThat(transport.keysSentTo("donghai@example.cn")).containsExactly("2026|1.1|donghai|APPROACHING|lead-30");
        assertThat(transport.sent).filteredOn(e -> e.to().contains("donghai@example.cn")).singleElement()
                .extracting(OutgoingEmail::to).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("donghai@example.cn", "donghai2@example.cn");
        assertThat(transport.keysSentTo("fgw@example.cn")).hasSize(3).first().asString().contains("OVERDUE");
        assertThat(alerts.pending(2026)).isEmpty();
    }

    @Test
    void redItemsReachTheCoordinatorsEvenWhenTheyOnlyWantRed() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        allOnTrackReportedOn(asOf.minusDays(1));

        scan(RunAlertScan.CoordinatorCopy.RED_ONLY).run(2026, asOf);

        assertThat(transport.keysSentTo("fgw@example.cn")).containsExactly("2026|1.2|ganyu|OVERDUE|overdue-1");
    }

    @Test
    void aRepeatedRunSendsNothingTwice() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        allOnTrackReportedOn(asOf.minusDays(1));
        RunAlertScan scan = scan(RunAlertScan.CoordinatorCopy.ALL);

        scan.run(2026, asOf);
        ScanReport again = scan.run(2026, asOf);

        assertThat(again.found()).isEqualTo(3);
        assertThat(again.newlyRecorded()).isZero();
        assertThat(again.delivered()).isEmpty();
        assertThat(transport.sent).hasSize(3);
    }

    @Test
    void aFailedSendStaysPendingWithoutBlockingOthersAndGoesOutExactlyOnceWhenTheTransportRecovers() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        allOnTrackReportedOn(asOf.minusDays(1));
        RunAlertScan scan = scan(RunAlertScan.CoordinatorCopy.ALL);
        transport.failFor.add("ganyu@example.cn");

        ScanReport first = scan.run(2026, asOf);

        assertThat(first.failed()).extracting(ScanReport.Failure::audience).containsExactly(Audience.unit(GANYU));
        assertThat(first.delivered()).extracting(ScanReport.Delivery::audience)
                .containsExactlyInAnyOrder(Audience.COORDINATORS, Audience.unit(DONGHAI));
        assertThat(alerts.pending(2026)).hasSize(2);

        transport.failFor.clear();
        LocalDate nextDay = asOf.plusDays(1);
        allOnTrackReportedOn(nextDay.minusDays(1));
        ScanReport second = scan.run(2026, nextDay);
        scan.run(2026, nextDay.plusDays(1));

        assertThat(second.delivered()).extracting(ScanReport.Delivery::audience).containsExactly(Audience.unit(GANYU));
        assertThat(transport.keysSentTo("ganyu@example.cn"))
                .containsExactly("2026|1.2|ganyu|OVERDUE|overdue-1", "2026|1.1|ganyu|APPROACHING|lead-30");
        assertThat(transport.keysSentTo("fgw@example.cn")).doesNotHaveDuplicates().hasSize(3);
        assertThat(alerts.pending(2026)).isEmpty();
    }

    @Test
    void aRetryOfAnUnchangedBatchKeepsItsMessageId() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        allOnTrackReportedOn(asOf.minusDays(1));
        RunAlertScan scan = scan(RunAlertScan.CoordinatorCopy.ALL);
        transport.failFor.add("ganyu@example.cn");
        scan.run(2026, asOf);
        String failedAttemptId = transport.attempted.stream().filter(e -> e.to().contains("ganyu@example.cn"))
                .findFirst().orElseThrow().messageId();

        transport.failFor.clear();
        ScanReport retry = scan.run(2026, asOf);

        assertThat(retry.delivered()).singleElement().extracting(ScanReport.Delivery::messageId).isEqualTo(failedAttemptId);
    }

    @Test
    void onAQuietDayNothingIsFoundOrSent() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        allOnTrackReportedOn(saturday.minusDays(20)); // unreported since 11-15 → 20 days
        ScanReport report = scan(RunAlertScan.CoordinatorCopy.ALL).run(2026, saturday);
        assertThat(report.delivered()).isEmpty();
        assertThat(transport.attempted).isEmpty();
        assertThat(report.found()).as("findings wait for the next working day").isZero();
        assertThat(alerts.size()).isZero();
    }

    @Test
    void aBlockedSubmissionAlertsTheCoordinatorsRightAwayAndOnlyThem() {
        allOnTrackReportedOn(LocalDate.of(2026, 11, 20));
        Submission blocked = SubmissionBuilder.submission("1.1", GANYU).key("k-1").status(ProgressStatus.BLOCKED, 30)
                .progress("推进中").problems("资金未到位").at(Instant.parse("2026-11-22T02:00:00Z")).build(); // a Sunday
        RunAlertScan scan = scan(RunAlertScan.CoordinatorCopy.ALL);

        ScanReport report = scan.onSubmission(blocked);
        scan.onSubmission(blocked); // a replayed event

        assertThat(report.delivered()).extracting(ScanReport.Delivery::audience).containsExactly(Audience.COORDINATORS);
        assertThat(transport.keysSentTo("fgw@example.cn")).containsExactly("2026|1.1|ganyu|REPORTED_BLOCKED|submission-k-1");
        assertThat(transport.keysSentTo("ganyu@example.cn")).isEmpty();
    }

    @Test
    void aReportThatCannotAlertDoesNotReadThePlan() {
        Submission onTrack = SubmissionBuilder.submission("1.1", GANYU).key("k-3").percent(60).progress("推进中")
                .at(Instant.parse("2026-11-22T02:00:00Z")).build();
        RunAlertScan scan = scan(RunAlertScan.CoordinatorCopy.ALL);

        ScanReport report = scan.onSubmission(onTrack);

        assertThat(report.found()).isZero();
        assertThat(transport.attempted).isEmpty();
        assertThat(planReads).as("the stream path reads the whole plan only for 受阻/滞后").isZero();
    }

    @Test
    void theDailyScanRaisesAMissedBlockedReportOnceAndTheStreamPathNeverDuplicatesIt() {
        allOnTrackReportedOn(LocalDate.of(2026, 11, 30));
        Submission blocked = SubmissionBuilder.submission("1.1", GANYU).key("k-2").status(ProgressStatus.BLOCKED, 30)
                .progress("推进中").problems("资金未到位").at(Instant.parse("2026-11-30T02:00:00Z")).build();
        states.removeIf(s -> s.taskId().equals("1.1") && s.unitId().equals(GANYU));
        states.add(Fixtures.reported(blocked));
        RunAlertScan scan = scan(RunAlertScan.CoordinatorCopy.RED_ONLY);

        // no stream event arrived (dynalite has none, or the stream lagged): the scan is the backstop
        ScanReport daily = scan.run(2026, LocalDate.of(2026, 12, 1));
        ScanReport lateEvent = scan.onSubmission(blocked);
        scan.run(2026, LocalDate.of(2026, 12, 2));

        assertThat(daily.delivered()).extracting(ScanReport.Delivery::audience).contains(Audience.COORDINATORS);
        assertThat(lateEvent.newlyRecorded()).isZero();
        assertThat(lateEvent.delivered()).isEmpty();
        assertThat(transport.keysSentTo("fgw@example.cn"))
                .containsOnlyOnce("2026|1.1|ganyu|REPORTED_BLOCKED|submission-k-2");
        assertThat(transport.keysSentTo("ganyu@example.cn")).doesNotContain("2026|1.1|ganyu|REPORTED_BLOCKED|submission-k-2");
    }
}
