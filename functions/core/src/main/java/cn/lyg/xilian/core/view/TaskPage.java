package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.progress.HistoryPage;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.TaskSupervision;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One task as its reader may see it: a unit sees its own block, a coordinator every unit's. Opening it marks
 * the unit's instructions read.
 *
 * @param canReport  the reader is a responsible unit and gets the form
 * @param targets    the targets the form asks figures for (the reader's unit's)
 * @param deadline   the reader's unit's deadline; the plan's for a coordinator (each block shows its own)
 * @param supervision reviews, extensions, instructions and evidence of the task as the reader may see them
 * @param units      one block per visible responsible unit, in the notice's order
 */
public record TaskPage(PlanTask task, boolean canReport, List<Target> targets, Deadline deadline,
                       TaskSupervision supervision, List<UnitBlock> units) {

    public TaskPage {
        targets = List.copyOf(targets);
        units = List.copyOf(units);
    }

    /** The reader's own block when the reader reports on this task. */
    @Nullable
    public UnitBlock own() {
        return canReport && !units.isEmpty() ? units.get(0) : null;
    }

    public boolean hasHistory() {
        return units.stream().anyMatch(u -> !u.history().items().isEmpty());
    }

    /**
     * One unit on the task page: status, pending extension request and its history, one page of it.
     *
     * @param paged         this block shows an older page (the reader paged back through this unit)
     * @param evidenceCount how many evidence files the latest report has
     */
    public record UnitBlock(PairStatus status, @Nullable Extension pending, List<Extension> extensions,
                            int evidenceCount, HistoryPage history, boolean paged) {
        public UnitBlock {
            extensions = List.copyOf(extensions);
        }

        public String unitId() {
            return status.unitId();
        }

        @Nullable
        public Submission latest() {
            return status.latest();
        }
    }
}
