package cn.lyg.xilian.core.progress;

import cn.lyg.xilian.core.catalog.PlanTask;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * The current state of one (task, responsible unit) pair: the assignment itself plus the latest
 * submission, if any. One exists for every pair in the catalog from the moment the plan is loaded.
 *
 * @param submissions      how many submissions the pair has (its history count); 0 when never reported
 * @param review           the coordinators' review of {@code latest}; null while unreviewed
 * @param extendedDeadline the approved extension (延期), the pair's effective deadline; null: the plan's
 * @param evidence         display names of the evidence files of {@code latest}, in upload order
 * @param trail            the recent trajectory up to {@code latest} (for the forecast); empty when unknown
 */
public record TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest, int submissions,
                            @Nullable Review review, @Nullable LocalDate extendedDeadline, java.util.List<String> evidence,
                            ProgressTrail trail) {

    public TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest, int submissions,
                         @Nullable Review review, @Nullable LocalDate extendedDeadline, java.util.List<String> evidence) {
        this(planYear, taskId, unitId, latest, submissions, review, extendedDeadline, evidence, ProgressTrail.EMPTY);
    }

    public TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest, int submissions,
                         @Nullable Review review, @Nullable LocalDate extendedDeadline) {
        this(planYear, taskId, unitId, latest, submissions, review, extendedDeadline, java.util.List.of());
    }

    public TaskUnitState {
        if (submissions < 0 || (latest != null && submissions == 0)) {
            throw new IllegalArgumentException("a reported pair has at least one submission, got " + submissions);
        }
        if (review != null && (latest == null || !review.submissionKey().equals(latest.idempotencyKey()))) {
            review = null; // a review of an older report says nothing about the latest one
        }
        evidence = evidence == null || latest == null ? java.util.List.of() : java.util.List.copyOf(evidence);
        trail = trail == null || latest == null ? ProgressTrail.EMPTY : trail;
    }

    public TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest, int submissions) {
        this(planYear, taskId, unitId, latest, submissions, null, null);
    }

    /** A state whose history is just its latest submission (or nothing). */
    public TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest) {
        this(planYear, taskId, unitId, latest, latest == null ? 0 : 1);
    }

    public boolean reported() {
        return latest != null;
    }

    /** The latest report was sent back (退回) and not yet replaced by a new one. */
    public boolean returned() {
        return review != null && review.returned();
    }

    /** The pair's effective deadline: an approved extension, else the plan's. */
    public LocalDate deadline(PlanTask task) {
        return extendedDeadline != null ? extendedDeadline : task.deadline();
    }

    /** This state with another latest report; the trail is dropped unless the latest stays (see {@link #withTrail}). */
    public TaskUnitState withLatest(@Nullable Submission newLatest, int count) {
        boolean same = latest != null && newLatest != null && latest.idempotencyKey().equals(newLatest.idempotencyKey());
        return new TaskUnitState(planYear, taskId, unitId, newLatest, count, review, extendedDeadline,
                same ? evidence : java.util.List.of(), same ? trail : ProgressTrail.EMPTY);
    }

    public TaskUnitState withTrail(ProgressTrail newTrail) {
        return new TaskUnitState(planYear, taskId, unitId, latest, submissions, review, extendedDeadline, evidence,
                newTrail);
    }
}
