package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.progress.HistoryPage;

import java.util.List;

/** Tasks with the latest report of each unit the reader may see: the JSON API's read side. */
public final class TaskList {

    private TaskList() {
    }

    /** One task with the visible units' status; {@code targets} are the reader's unit's (all for a coordinator). */
    public record Item(PlanTask task, List<Target> targets, List<PairStatus> units) {
        public Item {
            targets = List.copyOf(targets);
            units = List.copyOf(units);
        }
    }

    /** One task and one page of its visible history, newest first. */
    public record Detail(Item task, HistoryPage history) {
    }
}
