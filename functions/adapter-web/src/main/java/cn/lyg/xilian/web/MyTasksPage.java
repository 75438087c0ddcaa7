package cn.lyg.xilian.web;

import cn.lyg.xilian.core.supervision.UnitInbox;
import cn.lyg.xilian.core.view.MyTasks;
import cn.lyg.xilian.core.view.PairStatus;

import java.util.List;

/**
 * mytasks.jte: a unit's own tasks with light, deadline and latest report, and what changed on each (退回 with its
 * reason, new 督办意见, extension decisions not seen yet). A table on a desktop, labelled cards on a phone. Without
 * a year in the URL, one table per plan year the unit reports on (进行中 and 收尾, newest first; in January the
 * new plan and the year closing out), each year's tasks as that year's catalog gives them.
 */
public record MyTasksPage(Layout layout, List<YearTasks> years) implements PageModel, Framed {

    /** One plan year's tasks of the unit; {@code query} keeps the task links in that year. */
    public record YearTasks(int year, String label, String query, MyTasks tasks) {

        public List<PairStatus> rows() {
            return tasks.rows();
        }

        public List<UnitInbox.Entry> newsOf(PairStatus row) {
            return tasks.newsOf(row.task().id());
        }
    }

    public MyTasksPage {
        years = List.copyOf(years);
    }

    /** The page's year alone. */
    public MyTasksPage(Layout layout, MyTasks tasks) {
        this(layout, List.of(new YearTasks(layout.plan().year(), layout.plan().year() + "年",
                layout.years().query(), tasks)));
    }

    public String unitName() {
        return fmt().unitName(plan(), who().unitId());
    }

    /** Headings per year only when there is more than one. */
    public boolean grouped() {
        return years.size() > 1;
    }

    /** How many tasks have something to look at (退回 or news): the line above the tables. */
    public long attention() {
        return years.stream().mapToLong(y -> y.rows().stream()
                .filter(r -> r.returned() || !y.newsOf(r).isEmpty()).count()).sum();
    }
}
