package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.LedgerBuilder;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.InMemorySupervisionRepository;
import cn.lyg.xilian.core.supervision.ReviewListener;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 待办: what waits, on whom, for how long, in which order, and when it leaves. */
class InboxQueriesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Plan PLAN = PlanBuilder.plan()
            .sections(new Section("1", "一、统筹", null), new Section("2", "二、产业", null))
            .units(PlanBuilder.county("ganyu", "赣榆区"), PlanBuilder.county("donghai", "东海县"),
                    PlanBuilder.county("guannan", "灌南县"))
            .tasks(TaskBuilder.task("1.1").units("ganyu", "donghai", "guannan").deadline(LocalDate.of(2026, 12, 31)).build(),
                    TaskBuilder.task("2.1").section("2").units("donghai", "ganyu").deadline(LocalDate.of(2026, 12, 31)).build())
            .build();
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "h0");
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "h1");
    private static final Principal DONGHAI = new Principal(Role.UNIT, "donghai", "h2");

    private final InMemoryProgressRepository progress = new InMemoryProgressRepository();
    private final InMemorySupervisionRepository store = new InMemorySupervisionRepository();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StatusBoard board = new StatusBoard(progress, new AlertRules(new AlertEvaluator(),
            AlertSettings.defaults(), WorkCalendar.weekendsOnly()), new LedgerBuilder(), clock);
    private final Supervise supervise = new Supervise(store, store, store, store, progress, clock, ReviewListener.NONE);
    private final InboxQueries inbox = new InboxQueries(board, supervise);

    private Submission report(String task, String unit, String key, Duration ago) {
        Submission s = SubmissionBuilder.submission(task, unit).key(key).percent(50).progress("进展" + key)
                .at(NOW.minus(ago)).build();
        progress.record(s);
        return s;
    }

    private void review(Submission s, ReviewDecision decision, Duration ago) {
        progress.reviewed(new Review(2026, s.taskId(), s.unitId(), s.idempotencyKey(), decision,
                decision == ReviewDecision.RETURNED ? "请补充佐证材料" : null, "review-" + s.idempotencyKey(),
                NOW.minus(ago)));
    }

    private List<String> lines(Inbox box) {
        return box.items().stream().map(i -> i.kind() + " " + i.task().id() + " " + String.join(",", i.unitIds())
                + " " + i.ageDays()).toList();
    }

    @Test
    void everyKindWaitsWithItsAgeOldestFirst() {
        report("1.1", "ganyu", "g-1", Duration.ofDays(3));
        review(report("1.1", "donghai", "d-1", Duration.ofDays(10)), ReviewDecision.RETURNED, Duration.ofDays(5));
        report("1.1", "guannan", "n-1", Duration.ofDays(1));
        review(report("2.1", "donghai", "d-2", Duration.ofDays(2)), ReviewDecision.ACCEPTED, Duration.ofDays(1));
        assertThat(supervise.requestExtension(PLAN, GANYU, "2.1", "2027-01-31", "土地手续未办结", "ext-key-1"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(supervise.instruct(PLAN, COORDINATOR, "2.1", null, "请月底前报送项目清单", "note-key-1"))
                .isInstanceOf(Outcome.Done.class);

        Inbox box = inbox.inbox(PLAN, COORDINATOR, InboxFilter.all());

        // The coordinators' decisions first, then what waits on a unit; each oldest first. ganyu never reported on
        // 2.1: silent since the plan was issued (2026-03-01).
        assertThat(lines(box)).containsExactly(
                "REVIEW 1.1 ganyu 3",
                "REVIEW 1.1 guannan 1",
                "EXTENSION 2.1 ganyu 0",
                "SILENT 2.1 ganyu 275",
                "RETURNED 1.1 donghai 5",
                "UNREAD 2.1 donghai,ganyu 0");
        assertThat(box.total()).isEqualTo(6);
        assertThat(box.forCoordinators()).isEqualTo(3);
        assertThat(box.coordinatorItems()).hasSize(3);
        assertThat(box.unitItems()).hasSize(3);
        assertThat(box.counts()).containsEntry(Inbox.Kind.REVIEW, 2).containsEntry(Inbox.Kind.UNREAD, 1);
        assertThat(box.items().get(3).since()).isNull();
        assertThat(box.items().get(4).detail()).isEqualTo("退回原因：请补充佐证材料");
        assertThat(box.items().get(2).detail()).isEqualTo("申请延至2027-01-31：土地手续未办结");
        assertThat(inbox.count(PLAN, COORDINATOR)).isEqualTo(3);
        assertThat(inbox.count(PLAN, GANYU)).isNull();
    }

    @Test
    void handledThingsLeaveTheInbox() {
        Submission g = report("1.1", "ganyu", "g-1", Duration.ofDays(3));
        report("2.1", "ganyu", "g-2", Duration.ofDays(1));
        report("2.1", "donghai", "d-2", Duration.ofDays(1));
        report("1.1", "donghai", "d-1", Duration.ofDays(1));
        report("1.1", "guannan", "n-1", Duration.ofDays(1));
        supervise.requestExtension(PLAN, GANYU, "1.1", "2027-01-31", "土地手续未办结", "ext-key-1");
        supervise.instruct(PLAN, COORDINATOR, "2.1", null, "请月底前报送项目清单", "note-key-1");
        assertThat(inbox.inbox(PLAN, COORDINATOR, InboxFilter.all()).counts())
                .containsEntry(Inbox.Kind.EXTENSION, 1).containsEntry(Inbox.Kind.UNREAD, 1);

        review(g, ReviewDecision.ACCEPTED, Duration.ZERO);
        Extension pending = store.waiting(2026).pendingExtensions().get(0);
        supervise.decideExtension(PLAN, COORDINATOR, "1.1", "ganyu", pending.key(), true, null, null);
        supervise.open(PLAN, DONGHAI, PLAN.task("2.1").orElseThrow());
        Inbox box = inbox.inbox(PLAN, COORDINATOR, InboxFilter.all());
        assertThat(lines(box)).doesNotContain("REVIEW 1.1 ganyu 3").noneMatch(l -> l.startsWith("EXTENSION"))
                .contains("UNREAD 2.1 ganyu 0"); // donghai has opened it, ganyu not yet

        supervise.open(PLAN, GANYU, PLAN.task("2.1").orElseThrow());
        assertThat(lines(inbox.inbox(PLAN, COORDINATOR, InboxFilter.all()))).noneMatch(l -> l.startsWith("UNREAD"));
    }

    @Test
    void onlyTheLatestReportOfAUnitWaitsForReview() {
        report("1.1", "ganyu", "g-old", Duration.ofDays(6));
        report("1.1", "ganyu", "g-new", Duration.ofDays(2));

        List<Inbox.Item> reviews = inbox.inbox(PLAN, COORDINATOR, InboxFilter.parse(null, null, "REVIEW")).items();

        assertThat(reviews).singleElement().satisfies(i -> {
            assertThat(i.unitIds()).containsExactly("ganyu");
            assertThat(i.ageDays()).isEqualTo(2);
            assertThat(i.anchor()).isEqualTo("unit-ganyu");
        });
    }

    @Test
    void filtersNarrowTheItemsButNotTheHeaderTotal() {
        report("1.1", "ganyu", "g-1", Duration.ofDays(3));
        report("2.1", "donghai", "d-2", Duration.ofDays(2));
        int all = inbox.inbox(PLAN, COORDINATOR, InboxFilter.all()).total();

        Inbox byUnit = inbox.inbox(PLAN, COORDINATOR, InboxFilter.parse("donghai", "", null));
        Inbox bySection = inbox.inbox(PLAN, COORDINATOR, InboxFilter.parse(null, "2", "REVIEW"));

        assertThat(byUnit.items()).allSatisfy(i -> assertThat(i.unitIds()).contains("donghai")).isNotEmpty();
        assertThat(lines(bySection)).containsExactly("REVIEW 2.1 donghai 2");
        assertThat(byUnit.total()).isEqualTo(all);
        assertThat(bySection.total()).isEqualTo(all);
    }

    @Test
    void aUnitAnUnknownUnitSectionOrKindIsRefused() {
        assertThatThrownBy(() -> inbox.inbox(PLAN, GANYU, InboxFilter.all()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("COORDINATOR_ONLY"));
        assertThatThrownBy(() -> inbox.inbox(PLAN, COORDINATOR, InboxFilter.parse("nowhere", null, null)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_UNIT"));
        assertThatThrownBy(() -> inbox.inbox(PLAN, COORDINATOR, InboxFilter.parse(null, "9", null)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("BAD_FILTER"));
        assertThatThrownBy(() -> InboxFilter.parse(null, null, "review"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("BAD_FILTER"));
    }
}
