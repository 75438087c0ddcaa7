package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Review;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * Reviews of reports (通过 / 退回) and the reviewers' request keys: append-only, each write conditional and safe to
 * retry. The (task, unit) state carries the review of its latest report, so lights, alerts, the board and the
 * ledger read it without further queries.
 */
public interface ReviewRepository {

    /**
     * Records the reviewer's request key once per task, with the review asked for under it (the key's
     * idempotency record, as a submission's history item is). A key already used is {@code Taken} with the review
     * first asked under it, whatever became of that request.
     */
    Write<Review> claimReviewKey(Review review);

    /**
     * Stores the review of a submission once and, when the submission is still the pair's latest, marks the
     * state with it. A submission already reviewed is {@code Taken} with its stored review.
     */
    Write<Review> review(Review review);

    /** A stored review with the time its 退回 email was accepted by the mail system (null: not yet). */
    record ReviewRecord(Review review, @Nullable Instant notifiedAt) {
    }

    Optional<ReviewRecord> findReview(int year, String taskId, String unitId, String submissionKey);

    /** Records the delivery of the review's email; a second call keeps the first time. */
    void markNotified(Review review, String messageId, Instant at);
}
