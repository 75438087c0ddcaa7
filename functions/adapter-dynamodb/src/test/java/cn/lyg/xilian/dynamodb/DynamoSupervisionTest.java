package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.supervision.ReviewRepository;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.supervision.ReviewListener;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.supervision.TaskSupervision;
import cn.lyg.xilian.core.supervision.Waiting;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews, extensions and instructions on dynalite through the use case, read back as the task's record; each test in
 * its own plan year.
 */
class DynamoSupervisionTest {

    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "c");
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "g");
    private static final Principal DONGHAI = new Principal(Role.UNIT, "donghai", "d");

    @RegisterExtension
    static final TestTable table = TestTable.perClass();
    private static DynamoCatalogRepository catalog;
    private static DynamoProgressRepository progress;
    private static DynamoReviewRepository reviews;
    private static DynamoSupervisionRecords records;
    private static final List<Review> returned = new ArrayList<>();
    private static Supervise supervise;

    @BeforeAll
    static void repositories() {
        catalog = table.catalog();
        progress = table.progress();
        reviews = new DynamoReviewRepository(table.client, table.settings);
        records = new DynamoSupervisionRecords(table.client, table.settings);
        ReviewListener listener = returned::add;
        supervise = new Supervise(reviews, new DynamoExtensionRepository(table.client, table.settings),
                new DynamoInstructionRepository(table.client, table.settings), records, progress,
                Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC), listener);
    }

    @Test
    void aReturnedReportMarksTheStateOnceAndANewReportClearsIt() {
        Plan plan = planIn(2301);
        Submission first = report(plan, "ganyu", "first-report", "2026-11-20T01:00:00Z");

        Outcome<Review> back = supervise.review(plan, COORDINATOR, "1.2", "ganyu", first.idempotencyKey(), "RETURNED",
                "数据与佐证不符", "review-key-1");
        assertThat(back).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done<Review>) back).replayed()).isFalse();
        assertThat(returned).extracting(Review::submissionKey).contains("first-report");
        TaskUnitState state = TestTable.state(progress, plan.year(), "1.2", "ganyu").orElseThrow();
        assertThat(state.returned()).isTrue();
        assertThat(state.review().reason()).isEqualTo("数据与佐证不符");

        // A retry replays; another verdict on the same report is a conflict; neither notifies again.
        int notices = returned.size();
        assertThat(supervise.review(plan, COORDINATOR, "1.2", "ganyu", "first-report", "退回", "数据与佐证不符", "review-key-1"))
                .isEqualTo(new Outcome.Done<>(((Outcome.Done<Review>) back).value(), true));
        assertThat(supervise.review(plan, COORDINATOR, "1.2", "ganyu", "first-report", "ACCEPTED", null, "review-key-2"))
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(returned).hasSize(notices);

        // The unit reports again: the state no longer shows the return; the history keeps it.
        Submission second = report(plan, "ganyu", "second-report", "2026-11-21T01:00:00Z");
        assertThat(TestTable.state(progress, plan.year(), "1.2", "ganyu").orElseThrow().review()).isNull();
        supervise.review(plan, COORDINATOR, "1.2", "ganyu", second.idempotencyKey(), "ACCEPTED", null, "review-key-3");
        TaskUnitState accepted = TestTable.state(progress, plan.year(), "1.2", "ganyu").orElseThrow();
        assertThat(accepted.review().decision()).isEqualTo(ReviewDecision.ACCEPTED);
        TaskSupervision record = records.ofTask(plan.year(), "1.2");
        assertThat(record.reviewOf("ganyu", "first-report")).map(Review::decision).contains(ReviewDecision.RETURNED);
        assertThat(record.reviewOf("ganyu", "second-report")).map(Review::decision).contains(ReviewDecision.ACCEPTED);
        // Supervision items live apart from the submissions: the task's history is unchanged.
        assertThat(progress.historyOfTask(plan.year(), "1.2")).extracting(Submission::idempotencyKey)
                .containsExactly("second-report", "first-report");
    }

    /**
     * Issue 19: a review's Idempotency-Key names one request, as a submission's does. Its record sits apart from the
     * reviews ({@code REVIEWKEY#}, not under the {@code REVIEW#} prefix the stream and the task's record read).
     */
    @Test
    void aReviewKeyUsedForOtherContentIsRefusedAndStoresNothing() {
        Plan plan = planIn(2307);
        report(plan, "ganyu", "ganyu-report", "2026-11-20T01:00:00Z");
        report(plan, "donghai", "donghai-report", "2026-11-20T02:00:00Z");
        Outcome<Review> first = supervise.review(plan, COORDINATOR, "1.2", "ganyu", "ganyu-report", "ACCEPTED", null,
                "review-key-1");
        assertThat(first).isInstanceOf(Outcome.Done.class);

        assertThat(supervise.review(plan, COORDINATOR, "1.2", "donghai", "donghai-report", "RETURNED", "缺少佐证",
                "review-key-1")).isEqualTo(new Outcome.Conflict<Review>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于内容不同的审核，未保存"));
        assertThat(reviews.findReview(plan.year(), "1.2", "donghai", "donghai-report")).isEmpty();
        assertThat(TestTable.state(progress, plan.year(), "1.2", "donghai").orElseThrow().review()).isNull();
        assertThat(supervise.review(plan, COORDINATOR, "1.2", "ganyu", "ganyu-report", "ACCEPTED", null, "review-key-1"))
                .isEqualTo(new Outcome.Done<>(((Outcome.Done<Review>) first).value(), true));
        assertThat(reviews.claimReviewKey(new Review(plan.year(), "1.2", "donghai", "donghai-report",
                ReviewDecision.RETURNED, "缺少佐证", "review-key-1", Instant.parse("2026-11-26T00:00:00Z"))))
                .isEqualTo(new Write.Taken<>(((Outcome.Done<Review>) first).value()));
        assertThat(records.ofTask(plan.year(), "1.2").reviews()).hasSize(1);
    }

    @Test
    void onlyCoordinatorsReviewAndAReturnNeedsAReason() {
        Plan plan = planIn(2302);
        report(plan, "ganyu", "only-report", "2026-11-20T01:00:00Z");
        assertThat(supervise.review(plan, GANYU, "1.2", "ganyu", "only-report", "ACCEPTED", null, "review-key-1"))
                .isInstanceOf(Outcome.Forbidden.class);
        Outcome<Review> noReason = supervise.review(plan, COORDINATOR, "1.2", "ganyu", "only-report", "RETURNED", "  ",
                "review-key-1");
        assertThat(noReason).isInstanceOf(Outcome.Invalid.class);
        assertThat(supervise.review(plan, COORDINATOR, "1.2", "ganyu", "no-such-report", "ACCEPTED", null, "review-key-1"))
                .isInstanceOf(Outcome.NotFound.class);
        assertThat(records.ofTask(plan.year(), "1.2").reviews()).isEmpty();
    }

    @Test
    void onePendingExtensionPerPairAndAnApprovalBecomesTheDeadline() {
        Plan plan = planIn(2303);
        Outcome<Extension> asked = supervise.requestExtension(plan, GANYU, "1.2", "2026-12-15", "干部选派需省里审批",
                "extension-1");
        assertThat(asked).isInstanceOf(Outcome.Done.class);
        assertThat(supervise.requestExtension(plan, GANYU, "1.2", "2026-12-15", "干部选派需省里审批", "extension-1"))
                .matches(o -> o instanceof Outcome.Done<Extension> d && d.replayed());
        assertThat(supervise.requestExtension(plan, GANYU, "1.2", "2026-12-20", "再议", "extension-2"))
                .isEqualTo(new Outcome.Conflict<Extension>("EXTENSION_PENDING", "本单位在该任务上已有待审批的延期申请"));
        // Another unit of the same task has its own slot; a date not after the plan's is refused.
        assertThat(supervise.requestExtension(plan, DONGHAI, "1.2", "2026-10-01", "理由", "extension-3"))
                .isInstanceOf(Outcome.Invalid.class);
        assertThat(supervise.requestExtension(plan, COORDINATOR, "1.2", "2026-12-01", "理由", "extension-4"))
                .isInstanceOf(Outcome.Forbidden.class);

        Outcome<Extension> approved = supervise.decideExtension(plan, COORDINATOR, "1.2", "ganyu", "extension-1", true,
                "2026-11-30", "同意延至11月底");
        assertThat(approved).matches(o -> o instanceof Outcome.Done<Extension> d && !d.replayed()
                && d.value().grantedDate().equals(LocalDate.of(2026, 11, 30)));
        assertThat(TestTable.state(progress, plan.year(), "1.2", "ganyu").orElseThrow().extendedDeadline())
                .isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(TestTable.state(progress, plan.year(), "1.2", "donghai").orElseThrow().extendedDeadline()).isNull();
        // The same decision again replays; a different one is refused; the date is unchanged.
        assertThat(supervise.decideExtension(plan, COORDINATOR, "1.2", "ganyu", "extension-1", true, "2026-11-30",
                "同意延至11月底")).matches(o -> o instanceof Outcome.Done<Extension> d && d.replayed());
        assertThat(supervise.decideExtension(plan, COORDINATOR, "1.2", "ganyu", "extension-1", false, null, "不同意"))
                .isInstanceOf(Outcome.Conflict.class);

        // The slot is free again: a new request can be made, and rejected with a note; the approved date stays.
        assertThat(supervise.requestExtension(plan, GANYU, "1.2", "2026-12-31", "仍需时间", "extension-5"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(supervise.decideExtension(plan, COORDINATOR, "1.2", "ganyu", "extension-5", false, null, null))
                .isInstanceOf(Outcome.Invalid.class); // a rejection needs a note
        supervise.decideExtension(plan, COORDINATOR, "1.2", "ganyu", "extension-5", false, null, "按期完成");
        assertThat(TestTable.state(progress, plan.year(), "1.2", "ganyu").orElseThrow().extendedDeadline())
                .isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(records.ofTask(plan.year(), "1.2").extensionsOf("ganyu"))
                .extracting(Extension::key, Extension::decision)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("extension-1", Extension.Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("extension-5", Extension.Decision.REJECTED));
    }

    @Test
    void aStaleSlotWhoseRequestWasNeverWrittenDoesNotBlockTheUnit() {
        Plan plan = planIn(2304);
        // A crash after claiming the slot and before writing the request leaves a slot pointing at nothing.
        table.client.putItem(b -> b.tableName(table.settings.tableName()).item(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.supervisionPk(plan.year(), "1.2")),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.pendingExtensionSk("ganyu")),
                "requestKey", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("lost-request"))));
        assertThat(supervise.requestExtension(plan, GANYU, "1.2", "2026-12-15", "理由", "extension-1"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(records.ofTask(plan.year(), "1.2").pending("ganyu")).map(Extension::key).contains("extension-1");
    }

    @Test
    void theWaitingIndexListsPendingRequestsAndUnreadInstructionsUntilTheyAreHandled() {
        Plan plan = planIn(2310);
        supervise.requestExtension(plan, GANYU, "1.2", "2026-12-15", "干部选派需省里审批", "extension-w1");
        supervise.instruct(plan, COORDINATOR, "1.2", null, "请各单位月底前报送选派名单", "note-w-all");
        supervise.instruct(plan, COORDINATOR, "1.2", "ganyu", "赣榆区请补充佐证材料", "note-w-ganyu");
        assertThat(records.waiting(2311).pendingExtensions()).isEmpty(); // the index is partitioned by year

        Waiting waiting = records.waiting(plan.year());
        assertThat(waiting.pendingExtensions()).singleElement().satisfies(e -> {
            assertThat(e.taskId()).isEqualTo("1.2");
            assertThat(e.unitId()).isEqualTo("ganyu");
            assertThat(e.key()).isEqualTo("extension-w1");
            assertThat(e.requestedDate()).isEqualTo(LocalDate.of(2026, 12, 15));
            assertThat(e.reason()).isEqualTo("干部选派需省里审批");
            assertThat(e.pending()).isTrue();
        });
        assertThat(waiting.unreadInstructions()).extracting(u -> u.instruction().key() + ":" + u.unitsNotRead())
                .containsExactlyInAnyOrder("note-w-all:" + java.util.Set.copyOf(plan.task("1.2").orElseThrow().unitIds()),
                        "note-w-ganyu:[ganyu]");

        supervise.decideExtension(plan, COORDINATOR, "1.2", "ganyu", "extension-w1", false, null, "按期完成");
        supervise.open(plan, GANYU, plan.task("1.2").orElseThrow());
        Waiting after = records.waiting(plan.year());
        assertThat(after.pendingExtensions()).isEmpty();
        assertThat(after.unreadInstructions()).extracting(u -> u.instruction().key() + ":" + u.unitsNotRead())
                .containsExactly("note-w-all:[donghai]");
        // Read by everyone it was for: the item leaves the index (no index keys, no waitingFor left).
        var stored = table.client.getItem(b -> b.tableName(table.settings.tableName()).consistentRead(true)
                .key(Conditions.key(Keys.supervisionPk(plan.year(), "1.2"), Keys.instructionSk("note-w-ganyu")))).item();
        assertThat(stored).doesNotContainKeys(TableDefinition.GSI2_PK, TableDefinition.GSI2_SK, "waitingFor")
                .containsKeys("text", "issuedAt");

        supervise.open(plan, DONGHAI, plan.task("1.2").orElseThrow());
        supervise.open(plan, DONGHAI, plan.task("1.2").orElseThrow()); // a second open changes nothing
        assertThat(records.waiting(plan.year()).unreadInstructions()).isEmpty();
    }

    @Test
    void instructionsReachTheirUnitsAndAreMarkedReadOnFirstOpen() {
        Plan plan = planIn(2305);
        supervise.instruct(plan, COORDINATOR, "1.2", null, "请各单位月底前报送选派名单", "note-all-1");
        supervise.instruct(plan, COORDINATOR, "1.2", "ganyu", "赣榆区请补充佐证材料", "note-ganyu-1");
        assertThat(supervise.instruct(plan, COORDINATOR, "1.2", "ganyu", "改了内容", "note-ganyu-1"))
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(supervise.instruct(plan, GANYU, "1.2", null, "单位不能下达", "note-unit-1"))
                .isInstanceOf(Outcome.Forbidden.class);
        assertThat(supervise.instruct(plan, COORDINATOR, "1.2", "fgw", "不是责任单位", "note-fgw-1"))
                .isInstanceOf(Outcome.Invalid.class);

        TaskSupervision seenByDonghai = supervise.open(plan, DONGHAI, plan.task("1.2").orElseThrow());
        assertThat(seenByDonghai.instructions()).extracting(Instruction::key).containsExactly("note-all-1");
        TaskSupervision firstOpen = supervise.open(plan, GANYU, plan.task("1.2").orElseThrow());
        assertThat(firstOpen.instructions()).hasSize(2);
        assertThat(firstOpen.instructions()).noneMatch(i -> firstOpen.read("ganyu", i)); // shown as new this time
        TaskSupervision secondOpen = supervise.open(plan, GANYU, plan.task("1.2").orElseThrow());
        assertThat(secondOpen.instructions()).allMatch(i -> secondOpen.read("ganyu", i));
        assertThat(records.ofTask(plan.year(), "1.2").readKeys())
                .containsExactlyInAnyOrder("donghai#note-all-1", "ganyu#note-all-1", "ganyu#note-ganyu-1");
    }

    @Test
    void aReturnNoticeIsRecordedOnce() {
        Plan plan = planIn(2306);
        report(plan, "ganyu", "noticed", "2026-11-20T01:00:00Z");
        Review r = ((Outcome.Done<Review>) supervise.review(plan, COORDINATOR, "1.2", "ganyu", "noticed", "RETURNED",
                "缺少佐证", "review-key-1")).value();
        assertThat(reviews.findReview(plan.year(), "1.2", "ganyu", "noticed")).map(ReviewRepository.ReviewRecord::notifiedAt)
                .isEmpty();
        reviews.markNotified(r, "m1@x", Instant.parse("2026-11-25T03:00:00Z"));
        reviews.markNotified(r, "m2@x", Instant.parse("2026-11-25T04:00:00Z"));
        assertThat(reviews.findReview(plan.year(), "1.2", "ganyu", "noticed").orElseThrow().notifiedAt())
                .isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
    }

    private static Plan planIn(int year) {
        Plan p = Fixtures.plan();
        Plan plan = PlanBuilder.from(p).year(year).build();
        catalog.load(plan);
        return plan;
    }

    private static Submission report(Plan plan, String unitId, String key, String at) {
        Submission s = Fixtures.submission("1.2", unitId, key, at);
        Submission inYear = SubmissionBuilder.from(s).year(plan.year()).build();
        progress.record(inYear);
        return inYear;
    }
}
