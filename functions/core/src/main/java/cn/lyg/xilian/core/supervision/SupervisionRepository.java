package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.supervision.Review;
import cn.lyg.xilian.core.supervision.TaskSupervision;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Reviews, extension requests and instructions: append-only history, each write conditional and safe to retry.
 * The (task, unit) state carries the review of its latest report and its approved deadline, so lights, alerts,
 * the board and the ledger read them without further queries.
 */
public interface SupervisionRepository {

    /**
     * What the store did with a conditional write: stored it, or found its place taken and wrote nothing.
     * Whether a taken place is a replay (same content) or a conflict is {@link Supervise}'s decision, not the
     * store's.
     */
    sealed interface Write<T> {
        T value();

        /** Newly stored (at the store's time precision). */
        record Stored<T>(T value) implements Write<T> {
        }

        /**
         * The key or the slot was taken: nothing new written; this is what holds it (the stored review of the
         * submission, the request or decision under the key, the pair's other pending request, the instruction
         * under the key). The store still completes the follow-up updates of what it holds, so a retry after a
         * crash heals the state.
         */
        record Taken<T>(T value) implements Write<T> {
        }
    }

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

    /**
     * Stores a new pending request. {@code Taken} carries the request stored under the same key, or the pair's
     * other pending request (one per pair).
     */
    Write<Extension> requestExtension(Extension request);

    /**
     * Adds the decision to a pending request once; an approval becomes the pair's effective deadline (the most
     * recently decided approval wins). A request already decided is {@code Taken} with its stored decision.
     */
    Write<Extension> decideExtension(Extension decided);

    Optional<Extension> extension(int year, String taskId, String unitId, String key);

    /** A stored review with the time its 退回 email was accepted by the mail system (null: not yet). */
    record ReviewRecord(Review review, @io.micronaut.core.annotation.Nullable Instant notifiedAt) {
    }

    Optional<ReviewRecord> findReview(int year, String taskId, String unitId, String submissionKey);

    /** Records the delivery of the review's email; a second call keeps the first time. */
    void markNotified(Review review, String messageId, Instant at);

    /** Stores an instruction once per key; a taken key is {@code Taken} with the stored instruction. */
    Write<Instruction> instruct(Instruction instruction);

    /** Records the first time a unit opened these instructions; later opens change nothing. */
    void markRead(int year, String taskId, String unitId, Collection<String> instructionKeys, Instant at);

    /** One query: the task's whole supervision record. */
    TaskSupervision ofTask(int year, String taskId);
}
