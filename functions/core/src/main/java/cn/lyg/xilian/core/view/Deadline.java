package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.supervision.Supervise;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * The deadline of a (task, unit) as every page shows it: the effective date (an approved extension, else the
 * plan's) with the plan's date beside it when they differ.
 *
 * @param extendedTo the approved extension; null when the plan's date holds
 */
public record Deadline(LocalDate planned, @Nullable LocalDate extendedTo) {

    public static Deadline of(PlanTask task, @Nullable TaskUnitState state) {
        return new Deadline(task.deadline(), state == null ? null : state.extendedDeadline());
    }

    public LocalDate effective() {
        return extendedTo != null ? extendedTo : planned;
    }

    public boolean extended() {
        return extendedTo != null && !extendedTo.equals(planned);
    }

    /** "2026年12月31日", or "原定12月31日，经批准延期至2027年1月31日". */
    public String text() {
        return Supervise.deadlineText(planned, extendedTo);
    }
}
