package cn.lyg.xilian.core.view;

import java.util.List;

/** A unit's own tasks in plan order: the unit's home page. */
public record MyTasks(String unitId, List<PairStatus> rows) {

    public MyTasks {
        rows = List.copyOf(rows);
    }
}
