package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceType;
import cn.lyg.xilian.core.progress.HistoryPage;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.LedgerBuilder;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.supervision.ReviewListener;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.supervision.ExtensionRepository;
import cn.lyg.xilian.core.supervision.InstructionRepository;
import cn.lyg.xilian.core.supervision.ReviewRepository;
import cn.lyg.xilian.core.supervision.SupervisionRecords;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.core.supervision.TaskSupervision;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read models: who sees what, which deadline shows, and the task page's supervision parts. */
class TaskQueriesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 31);
    private static final Plan PLAN = PlanBuilder.plan()
            .tasks(task("1.1", "ganyu", "donghai"), task("1.2", "donghai"), task("1.3", "ganyu")).build();
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "h1");
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "h2");

    private final InMemoryProgressRepository progress = new InMemoryProgressRepository();
    private final FixedSupervision supervision = new FixedSupervision();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TaskQueries queries = new TaskQueries(progress,
            new StatusBoard(progress, new AlertRules(new AlertEvaluator(), AlertSettings.defaults(),
                    WorkCalendar.weekendsOnly()), new LedgerBuilder(), clock),
            new Supervise(supervision, supervision, supervision, supervision, progress, clock, ReviewListener.NONE));

    private static PlanTask task(String id, String... units) {
        return TaskBuilder.task(id).units(units).deadline(PLAN_DATE).build();
    }

    private Submission report(String taskId, String unitId, String key, int percent, Instant at) {
        Submission s = SubmissionBuilder.submission(taskId, unitId).key(key).percent(percent).progress("进展" + key)
                .reporter("张三").at(at).build();
        progress.record(s);
        return s;
    }

    @Test
    void aUnitSeesItsOwnTasksWithItsEffectiveDeadlineBesideThePlans() {
        Submission latest = report("1.1", "ganyu", "report-a1", 60, NOW.minusSeconds(3600));
        report("1.1", "donghai", "report-d1", 90, NOW.minusSeconds(3600));
        progress.extend(2026, "1.3", "ganyu", LocalDate.of(2027, 1, 31));

        MyTasks mine = queries.myTasks(PLAN, GANYU);

        assertThat(mine.rows()).extracting(r -> r.task().id()).containsExactly("1.1", "1.3");
        assertThat(mine.rows().get(0).latest()).isEqualTo(latest);
        assertThat(mine.rows().get(0).deadline().extended()).isFalse();
        assertThat(mine.rows().get(0).deadline().text()).isEqualTo("2026年12月31日");
        Deadline extended = mine.rows().get(1).deadline();
        assertThat(extended.effective()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(extended.text()).isEqualTo("原定12月31日，经批准延期至2027年1月31日");
        assertThat(mine.rows().get(1).reported()).isFalse();
    }

    @Test
    void theOverviewIsTheCoordinatorsAndShowsEveryUnit() {
        report("1.1", "donghai", "report-d1", 90, NOW.minusSeconds(3600));

        assertThatThrownBy(() -> queries.overview(PLAN, GANYU)).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Refused.Reason.FORBIDDEN);
            assertThat(r.code()).isEqualTo("COORDINATOR_ONLY");
        });
        Overview all = queries.overview(PLAN, COORDINATOR);
        assertThat(all.rows()).extracting(r -> r.task().id()).containsExactly("1.1", "1.2", "1.3");
        assertThat(all.rows().get(0).units()).extracting(PairStatus::unitId, PairStatus::reported)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ganyu", false),
                        org.assertj.core.groups.Tuple.tuple("donghai", true));
        Light worst = all.rows().get(0).units().stream().map(u -> u.assessment().light())
                .reduce(Light.GREEN, Light::worst);
        assertThat(all.rows().get(0).light()).isEqualTo(worst);
    }

    @Test
    void aUnitsTaskPageHasItsOwnBlockWithReviewExtensionsEvidenceAndMarksInstructionsRead() {
        Submission latest = report("1.1", "ganyu", "report-a1", 60, NOW.minusSeconds(3600));
        report("1.1", "donghai", "report-d1", 90, NOW.minusSeconds(3600));
        progress.extend(2026, "1.1", "ganyu", LocalDate.of(2027, 1, 31));
        Extension pending = new Extension(2026, "1.1", "ganyu", "ext-key-1", PLAN_DATE, LocalDate.of(2027, 2, 28),
                "再延一月", NOW, null, null, null, null);
        Instruction toAll = new Instruction(2026, "1.1", null, "instr-1", "请加快进度", NOW);
        supervision.record = new TaskSupervision("1.1", Map.of(), List.of(pending), List.of(toAll), Set.of(),
                List.of(file("ganyu", "report-a1", "f1"), file("ganyu", "report-a1", "f2"),
                        file("donghai", "report-d1", "f3")));

        TaskPage page = queries.taskPage(PLAN, GANYU, "1.1", null, null);

        assertThat(page.canReport()).isTrue();
        assertThat(page.units()).extracting(TaskPage.UnitBlock::unitId).containsExactly("ganyu");
        TaskPage.UnitBlock own = page.own();
        assertThat(own.latest()).isEqualTo(latest);
        assertThat(own.evidenceCount()).isEqualTo(2);
        assertThat(own.pending()).isEqualTo(pending);
        assertThat(page.deadline().text()).isEqualTo("原定12月31日，经批准延期至2027年1月31日");
        assertThat(own.history().items()).containsExactly(latest);
        assertThat(supervision.markedRead).containsExactly("ganyu:instr-1");

        TaskPage coordinators = queries.taskPage(PLAN, COORDINATOR, "1.1", null, null);
        assertThat(coordinators.canReport()).isFalse();
        assertThat(coordinators.units()).extracting(TaskPage.UnitBlock::unitId).containsExactly("ganyu", "donghai");
        assertThat(coordinators.deadline().text()).as("each block shows its own").isEqualTo("2026年12月31日");
        assertThat(coordinators.units().get(0).status().deadline().extended()).isTrue();
        assertThat(supervision.markedRead).as("a coordinator reads nothing for a unit").hasSize(1);
    }

    @Test
    void oneUnitPagesBackThroughItsHistoryWhileTheOthersStayOnTheNewest() {
        List<Submission> ganyu = new ArrayList<>();
        for (int i = 0; i < HistoryPage.DEFAULT_SIZE + 2; i++) {
            ganyu.add(report("1.1", "ganyu", "report-g" + (10 + i), i, NOW.minusSeconds(86_400L * (20 - i))));
        }
        Submission donghai = report("1.1", "donghai", "report-d1", 90, NOW.minusSeconds(3600));
        TaskPage first = queries.taskPage(PLAN, COORDINATOR, "1.1", null, null);
        HistoryPage.Cursor next = first.units().get(0).history().next();
        assertThat(next).isNotNull();

        TaskPage older = queries.taskPage(PLAN, COORDINATOR, "1.1", "ganyu", next);

        assertThat(older.units().get(0).paged()).isTrue();
        assertThat(older.units().get(0).history().items()).containsExactly(ganyu.get(1), ganyu.get(0));
        assertThat(older.units().get(1).paged()).isFalse();
        assertThat(older.units().get(1).history().items()).containsExactly(donghai);
    }

    @Test
    void readsOfWhatTheReaderMayNotSeeAreRefused() {
        assertThat(refusal(() -> queries.taskPage(PLAN, GANYU, "9.9", null, null))).isEqualTo("NOT_FOUND UNKNOWN_TASK");
        assertThat(refusal(() -> queries.taskPage(PLAN, GANYU, "1.2", null, null))).isEqualTo("FORBIDDEN NOT_RESPONSIBLE");
        assertThat(refusal(() -> queries.tasks(PLAN, GANYU, "donghai"))).isEqualTo("FORBIDDEN FORBIDDEN_UNIT");
        assertThat(refusal(() -> queries.tasks(PLAN, COORDINATOR, "nowhere"))).isEqualTo("NOT_FOUND UNKNOWN_UNIT");
        report("1.1", "donghai", "report-d1", 90, NOW.minusSeconds(3600));
        assertThat(refusal(() -> queries.submission(PLAN, GANYU, "1.1", "donghai", "report-d1")))
                .isEqualTo("FORBIDDEN NOT_RESPONSIBLE");
        assertThat(refusal(() -> queries.submission(PLAN, COORDINATOR, "1.1", "donghai", "report-xx")))
                .isEqualTo("NOT_FOUND SUBMISSION_NOT_FOUND");
        assertThat(queries.submission(PLAN, COORDINATOR, "1.1", "donghai", "report-d1").percent()).isEqualTo(90);
    }

    @Test
    void theApiListShowsAUnitOnlyItsOwnStatus() {
        report("1.1", "donghai", "report-d1", 90, NOW.minusSeconds(3600));
        Submission own = report("1.1", "ganyu", "report-a1", 60, NOW.minusSeconds(3600));

        List<TaskList.Item> mine = queries.tasks(PLAN, GANYU, null);

        assertThat(mine).extracting(i -> i.task().id()).containsExactly("1.1", "1.3");
        assertThat(mine.get(0).units()).singleElement().extracting(PairStatus::latest).isEqualTo(own);
        assertThat(queries.tasks(PLAN, COORDINATOR, null).get(0).units()).hasSize(2);
        assertThat(queries.task(PLAN, GANYU, "1.1", null, 10).history().items()).containsExactly(own);
    }

    private static String refusal(Runnable read) {
        try {
            read.run();
        } catch (Refused r) {
            return r.reason() + " " + r.code();
        }
        throw new AssertionError("not refused");
    }

    private static EvidenceFile file(String unitId, String reportKey, String fileId) {
        return new EvidenceFile(2026, "1.1", unitId, reportKey, fileId, fileId + ".pdf", EvidenceType.PDF, 10,
                "evidence/" + fileId, NOW);
    }

    /** The task's supervision record as given; records what a unit marked read. */
    private static final class FixedSupervision
            implements ReviewRepository, ExtensionRepository, InstructionRepository, SupervisionRecords {
        TaskSupervision record = TaskSupervision.empty("1.1");
        final List<String> markedRead = new ArrayList<>();

        @Override
        public TaskSupervision ofTask(int year, String taskId) {
            return record;
        }

        @Override
        public java.util.Optional<Instruction> instruction(int year, String taskId, String key) {
            throw new UnsupportedOperationException("not read by the queries");
        }

        @Override
        public void markRead(int year, String taskId, String unitId, Collection<String> keys, Instant at) {
            keys.forEach(k -> markedRead.add(unitId + ":" + k));
        }

        @Override
        public Write<Review> claimReviewKey(Review review) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Write<Review> review(Review review) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Write<Extension> requestExtension(Extension request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Write<Extension> decideExtension(Extension decided) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Extension> extension(int year, String taskId, String unitId, String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ReviewRecord> findReview(int year, String taskId, String unitId, String submissionKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markNotified(Review review, String messageId, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Write<Instruction> instruct(Instruction instruction, Set<String> addressees) {
            throw new UnsupportedOperationException();
        }

        @Override
        public cn.lyg.xilian.core.supervision.Waiting waiting(int year) {
            throw new UnsupportedOperationException();
        }
    }
}
