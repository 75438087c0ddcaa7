package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision rules on a taken key or slot, against the supervision port in memory: the same content again
 * is a replay of what is stored (same answer, nothing written, nobody notified); anything else is a conflict.
 */
class SuperviseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00.123456Z");
    /** Task 1.1 of 赣榆区 and 东海县, due 2026-12-31. */
    private static final Plan PLAN = TwoUnitPlan.PLAN;
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "c");
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "g");

    private final InMemorySupervisionRepository store = new InMemorySupervisionRepository();
    private final InMemoryProgressRepository progress = new InMemoryProgressRepository();
    private final List<Review> returned = new ArrayList<>();
    private final Supervise supervise = at(NOW);
    /** The same use case minutes later: a retry. */
    private final Supervise later = at(NOW.plusSeconds(300));

    private Supervise at(Instant now) {
        return new Supervise(store, store, store, store, progress, Clock.fixed(now, ZoneOffset.UTC), returned::add);
    }

    @Test
    void theSameVerdictAgainReplaysTheStoredReviewAndAnotherVerdictIsRefused() {
        progress.record(SubmissionBuilder.submission("1.1", "ganyu").key("report-1").progress("已选派2名干部")
                .at(NOW.minusSeconds(86_400)).build());
        Review original = done(supervise.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "RETURNED",
                "数据与佐证不符", "review-key-1"), false);
        assertThat(returned).containsExactly(original);

        // The verdict written by label, under another request key, minutes later: still the same review.
        assertThat(later.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "退回", " 数据与佐证不符 ", "review-key-2"))
                .isEqualTo(new Outcome.Done<>(original, true));
        // Another verdict under a new key: the report is reviewed already. (Under the first request's key this
        // is a reused key instead: see the next test.)
        assertThat(later.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "RETURNED", "另一个原因", "review-key-4"))
                .isEqualTo(new Outcome.Conflict<Review>("ALREADY_REVIEWED",
                        "该填报已于" + original.reviewedAt() + "审核为“退回”，不能更改"));
        assertThat(later.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "ACCEPTED", null, "review-key-3"))
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(returned).as("notified once").containsExactly(original);
        assertThat(store.writes).isEqualTo(1);
    }

    /** Issue 19: a review key follows the submissions' rule (same content → replay, other content → 409). */
    @Test
    void aReviewKeyNamesOneRequestLikeASubmissionsKey() {
        progress.record(SubmissionBuilder.submission("1.1", "ganyu").key("report-1").progress("已选派2名干部")
                .at(NOW.minusSeconds(86_400)).build());
        progress.record(SubmissionBuilder.submission("1.1", "donghai").key("report-2").percent(50).progress("已完成对接")
                .at(NOW.minusSeconds(3_600)).build());
        Review original = done(supervise.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "ACCEPTED", null,
                "review-key-1"), false);
        Outcome.Conflict<Review> reused = new Outcome.Conflict<>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于内容不同的审核，未保存");

        // The same key for another report, another verdict, another reason: refused, and nothing is stored.
        assertThat(later.review(PLAN, COORDINATOR, "1.1", "donghai", "report-2", "ACCEPTED", null, "review-key-1"))
                .isEqualTo(reused);
        assertThat(later.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "RETURNED", "不对", "review-key-1"))
                .isEqualTo(reused);
        assertThat(later.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "ACCEPTED", "补充", "review-key-1"))
                .isEqualTo(reused);
        assertThat(store.findReview(2026, "1.1", "donghai", "report-2")).isEmpty();
        // The same request again: the original.
        assertThat(later.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "ACCEPTED", null, "review-key-1"))
                .isEqualTo(new Outcome.Done<>(original, true));
        assertThat(store.writes).isEqualTo(1);
        // The other report is reviewed under a key of its own.
        done(later.review(PLAN, COORDINATOR, "1.1", "donghai", "report-2", "ACCEPTED", null, "review-key-2"), false);
    }

    /** Issue 19: decisions are the documented values exactly ("accepted" was taken for ACCEPTED). */
    @Test
    void aDecisionIsItsExactNameOrLabel() {
        progress.record(SubmissionBuilder.submission("1.1", "ganyu").key("report-1").progress("已选派2名干部")
                .at(NOW.minusSeconds(86_400)).build());
        for (String wrong : List.of("accepted", "Accepted", " ACCEPTED", "ACCEPTED ", "returned", "通过 ")) {
            assertThat(supervise.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", wrong, "原因", "review-key-9"))
                    .as(wrong).isInstanceOfSatisfying(Outcome.Invalid.class, inv ->
                            assertThat(inv.errors()).extracting("code").containsExactly("DECISION_INVALID"));
        }
        assertThat(store.writes).isZero();
        done(supervise.review(PLAN, COORDINATOR, "1.1", "ganyu", "report-1", "通过", null, "review-key-9"), false);
    }

    @Test
    void aRequestAgainUnderItsKeyReplaysAndAnythingElseConflictsByWhatHoldsThePlace() {
        Extension original = done(supervise.requestExtension(PLAN, GANYU, "1.1", "2027-01-15", "需省里审批",
                "extension-1"), false);

        assertThat(later.requestExtension(PLAN, GANYU, "1.1", " 2027-01-15 ", "需省里审批", "extension-1"))
                .isEqualTo(new Outcome.Done<>(original, true));
        assertThat(later.requestExtension(PLAN, GANYU, "1.1", "2027-01-20", "需省里审批", "extension-1"))
                .isEqualTo(new Outcome.Conflict<Extension>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于内容不同的延期申请"));
        assertThat(later.requestExtension(PLAN, GANYU, "1.1", "2027-01-15", "需省里审批", "extension-2"))
                .isEqualTo(new Outcome.Conflict<Extension>("EXTENSION_PENDING", "本单位在该任务上已有待审批的延期申请"));
        assertThat(store.writes).isEqualTo(1);
    }

    @Test
    void theSameDecisionAgainReplaysAndAnotherIsRefused() {
        done(supervise.requestExtension(PLAN, GANYU, "1.1", "2027-01-15", "需省里审批", "extension-1"), false);
        Extension approved = done(supervise.decideExtension(PLAN, COORDINATOR, "1.1", "ganyu", "extension-1", true,
                "2027-01-10", "同意"), false);
        assertThat(approved.grantedDate()).isEqualTo(LocalDate.of(2027, 1, 10));

        assertThat(later.decideExtension(PLAN, COORDINATOR, "1.1", "ganyu", "extension-1", true, "2027-01-10", "同意"))
                .isEqualTo(new Outcome.Done<>(approved, true));
        assertThat(later.decideExtension(PLAN, COORDINATOR, "1.1", "ganyu", "extension-1", true, "2027-01-15", "同意"))
                .isEqualTo(new Outcome.Conflict<Extension>("EXTENSION_DECIDED", "该延期申请已处理（批准），不能更改"));
        assertThat(later.decideExtension(PLAN, COORDINATOR, "1.1", "ganyu", "extension-1", false, null, "不同意"))
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(store.writes).isEqualTo(2);
    }

    @Test
    void anInstructionAgainUnderItsKeyReplaysAndOtherTextIsRefused() {
        Instruction original = done(supervise.instruct(PLAN, COORDINATOR, "1.1", "ganyu", "请补充佐证材料", "instruction-1"),
                false);

        assertThat(later.instruct(PLAN, COORDINATOR, "1.1", " ganyu ", " 请补充佐证材料 ", "instruction-1"))
                .isEqualTo(new Outcome.Done<>(original, true));
        assertThat(later.instruct(PLAN, COORDINATOR, "1.1", "ganyu", "改了内容", "instruction-1"))
                .isEqualTo(new Outcome.Conflict<Instruction>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于内容不同的督办意见"));
        assertThat(later.instruct(PLAN, COORDINATOR, "1.1", null, "请补充佐证材料", "instruction-1"))
                .as("another audience is other content").isInstanceOf(Outcome.Conflict.class);
        assertThat(store.writes).isEqualTo(1);
    }

    private static <T> T done(Outcome<T> outcome, boolean replayed) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        Outcome.Done<T> done = (Outcome.Done<T>) outcome;
        assertThat(done.replayed()).isEqualTo(replayed);
        return done.value();
    }
}
