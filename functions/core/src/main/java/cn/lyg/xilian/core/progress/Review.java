package cn.lyg.xilian.core.progress;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A coordinator's review of one report (submission). One per submission, never overwritten: the history of a
 * pair's reviews is the reviews of its submissions. It lives beside the submission because the pair's state
 * ({@link TaskUnitState}) carries the review of its latest report; the supervision loop decides and writes it.
 *
 * @param submissionKey  the idempotency key of the reviewed submission
 * @param idempotencyKey the reviewer's request key (a retry with it replays the stored review)
 * @param reason         required when returned (退回原因); optional remark when accepted
 */
public record Review(int planYear, String taskId, String unitId, String submissionKey, ReviewDecision decision,
                     @Nullable String reason, String idempotencyKey, Instant reviewedAt) {

    public boolean returned() {
        return decision == ReviewDecision.RETURNED;
    }

    /** Same verdict on the same report (a retry), whatever the time. */
    public boolean sameContent(Review other) {
        return planYear == other.planYear && taskId.equals(other.taskId) && unitId.equals(other.unitId)
                && submissionKey.equals(other.submissionKey) && decision == other.decision
                && java.util.Objects.equals(reason, other.reason);
    }
}
