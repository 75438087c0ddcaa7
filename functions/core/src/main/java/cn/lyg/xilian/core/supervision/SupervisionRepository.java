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

    /** Outcome of a conditional write: the stored item, the original on a replay, or the one in the way. */
    sealed interface Write<T> {
        T value();

        record Stored<T>(T value) implements Write<T> {
        }

        record Replayed<T>(T value) implements Write<T> {
        }

        /** Something else is stored where this would go (another verdict, a decided request, a reused key). */
        record Conflict<T>(T value) implements Write<T> {
        }
    }

    /**
     * Stores the review of a submission once (a second, different verdict is a conflict) and, when the
     * submission is still the pair's latest, marks the state with it.
     */
    Write<Review> review(Review review);

    /**
     * Stores a new pending request, unless the pair has another pending one (then {@code Conflict} carries that
     * one) or the key is taken by a different request.
     */
    Write<Extension> requestExtension(Extension request);

    /**
     * Adds the decision to a pending request once; an approval becomes the pair's effective deadline (the most
     * recently decided approval wins). A different decision on a decided request is a conflict.
     */
    Write<Extension> decideExtension(Extension decided);

    Optional<Extension> extension(int year, String taskId, String unitId, String key);

    /** A stored review with the time its 退回 email was accepted by the mail system (null: not yet). */
    record ReviewRecord(Review review, @io.micronaut.core.annotation.Nullable Instant notifiedAt) {
    }

    Optional<ReviewRecord> findReview(int year, String taskId, String unitId, String submissionKey);

    /** Records the delivery of the review's email; a second call keeps the first time. */
    void markNotified(Review review, String messageId, Instant at);

    Write<Instruction> instruct(Instruction instruction);

    /** Records the first time a unit opened these instructions; later opens change nothing. */
    void markRead(int year, String taskId, String unitId, Collection<String> instructionKeys, Instant at);

    /** Records an evidence file of a report (once per file id). */
    void recordFile(cn.lyg.xilian.core.evidence.EvidenceFile file);

    /** The evidence files of one report, oldest first. */
    java.util.List<cn.lyg.xilian.core.evidence.EvidenceFile> files(int year, String taskId, String unitId, String reportKey);

    /** One query: the task's whole supervision record. */
    TaskSupervision ofTask(int year, String taskId);
}
