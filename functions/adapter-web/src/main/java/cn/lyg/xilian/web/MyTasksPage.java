package cn.lyg.xilian.web;

import cn.lyg.xilian.core.view.PairStatus;

import java.util.List;

/** mytasks.jte: a unit's own tasks with light, deadline and latest report. */
public record MyTasksPage(Layout layout, List<PairStatus> rows) implements PageModel, Framed {

    public String unitName() {
        return fmt().unitName(plan(), who().unitId());
    }
}
