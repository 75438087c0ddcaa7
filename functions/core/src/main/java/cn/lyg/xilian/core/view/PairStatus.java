package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.progress.Review;
import org.jspecify.annotations.Nullable;

/**
 * One (task, responsible unit) as the pages and the API show it: its light as of today, its latest report,
 * the review of that report and its deadline.
 *
 * @param state null when the pair has no stored state (never reported)
 */
public record PairStatus(PlanTask task, String unitId, @Nullable TaskUnitState state, Assessment assessment) {

    @Nullable
    public Submission latest() {
        return state == null ? null : state.latest();
    }

    public boolean reported() {
        return latest() != null;
    }

    /** The review of the latest report; null while unreviewed. */
    @Nullable
    public Review review() {
        return state == null ? null : state.review();
    }

    /** The latest report was sent back (退回) and not yet replaced. */
    public boolean returned() {
        return state != null && state.returned();
    }

    public Deadline deadline() {
        return Deadline.of(task, state);
    }
}
