package cn.lyg.xilian.web;

import cn.lyg.xilian.core.view.Overview;

import java.util.List;

/** coordinator.jte: every task with every responsible unit's latest status. */
public record CoordinatorPage(Layout layout, List<Overview.Row> rows) implements PageModel, Framed {
}
