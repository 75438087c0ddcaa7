package cn.lyg.xilian.web;

import cn.lyg.xilian.core.supervision.UnitInbox;
import cn.lyg.xilian.core.view.MyTasks;
import cn.lyg.xilian.core.view.PairStatus;

import java.util.List;

/**
 * mytasks.jte: a unit's own tasks with light, deadline and latest report, and what changed on each (退回 with its
 * reason, new 督办意见, extension decisions not seen yet). A table on a desktop, labelled cards on a phone.
 */
public record MyTasksPage(Layout layout, MyTasks tasks) implements PageModel, Framed {

    public String unitName() {
        return fmt().unitName(plan(), who().unitId());
    }

    public List<PairStatus> rows() {
        return tasks.rows();
    }

    public List<UnitInbox.Entry> newsOf(PairStatus row) {
        return tasks.newsOf(row.task().id());
    }

    /** How many tasks have something to look at (退回 or news): the line above the table. */
    public long attention() {
        return rows().stream().filter(r -> r.returned() || !newsOf(r).isEmpty()).count();
    }
}
