package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.supervision.UnitInbox;

import java.util.List;
import java.util.Map;

/**
 * A unit's own tasks in plan order: the unit's home page, with what changed on each that the unit has not seen yet
 * ({@code news} by task id: new 督办意见, extension decisions; a 退回 is on the row's state itself).
 */
public record MyTasks(String unitId, List<PairStatus> rows, Map<String, List<UnitInbox.Entry>> news) {

    public MyTasks {
        rows = List.copyOf(rows);
        news = Map.copyOf(news);
    }

    public MyTasks(String unitId, List<PairStatus> rows) {
        this(unitId, rows, Map.of());
    }

    /** The task's unseen changes, oldest first; empty when none. */
    public List<UnitInbox.Entry> newsOf(String taskId) {
        return news.getOrDefault(taskId, List.of());
    }
}
