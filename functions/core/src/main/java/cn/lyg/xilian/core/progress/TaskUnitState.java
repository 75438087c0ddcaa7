package cn.lyg.xilian.core.progress;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The current state of one (task, responsible unit) pair: the assignment itself plus the latest
 * submission, if any. One exists for every pair in the catalog from the moment the plan is loaded.
 *
 * @param submissions how many submissions the pair has (its history count); 0 when never reported
 */
@Serdeable
public record TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest, int submissions) {

    @Creator
    public TaskUnitState {
        if (submissions < 0 || (latest != null && submissions == 0)) {
            throw new IllegalArgumentException("a reported pair has at least one submission, got " + submissions);
        }
    }

    /** A state whose history is just its latest submission (or nothing). */
    public TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest) {
        this(planYear, taskId, unitId, latest, latest == null ? 0 : 1);
    }

    public boolean reported() {
        return latest != null;
    }
}
