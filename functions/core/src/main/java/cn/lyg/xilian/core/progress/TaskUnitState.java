package cn.lyg.xilian.core.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The current state of one (task, responsible unit) pair: the assignment itself plus the latest
 * submission, if any. One exists for every pair in the catalog from the moment the plan is loaded.
 */
@Serdeable
public record TaskUnitState(int planYear, String taskId, String unitId, @Nullable Submission latest) {
    public boolean reported() {
        return latest != null;
    }
}
