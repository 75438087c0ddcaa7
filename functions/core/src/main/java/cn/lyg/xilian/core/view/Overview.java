package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.PlanTask;

import java.util.List;

/** Every task with each responsible unit's status: the coordinators' home page. */
public record Overview(List<Row> rows) {

    public Overview {
        rows = List.copyOf(rows);
    }

    /** @param light the task's light (its worst unit's) */
    public record Row(PlanTask task, Light light, List<PairStatus> units) {
        public Row {
            units = List.copyOf(units);
        }
    }
}
