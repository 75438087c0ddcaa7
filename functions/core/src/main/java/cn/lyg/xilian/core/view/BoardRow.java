package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.PlanTask;

import java.util.List;

/**
 * One task on the board, over the units in scope (all of its units for a coordinator, only the signed-in or
 * filtered unit otherwise).
 *
 * @param light     worst light of the units in scope
 * @param percent   average percent of the units in scope, unreported units counting 0
 * @param reported  how many units in scope have reported at least once
 * @param deadline  the one unit's deadline (its approved extension beside the plan's date) when one unit is in
 *                  scope; the plan's otherwise
 * @param daysLeft  days to that deadline as of today (Asia/Shanghai), negative when overdue
 * @param planIndex position in the plan, the last tie-breaker of every sort
 */
public record BoardRow(PlanTask task, String sectionTitle, String fieldLabel, Light light, int percent, int reported,
                       Deadline deadline, long daysLeft, int planIndex, List<UnitLine> units) {

    public BoardRow {
        units = List.copyOf(units);
    }

    /** The units that are not green: their reasons are what the reader needs to act on. */
    public List<UnitLine> flagged() {
        return units.stream().filter(u -> u.light() != Light.GREEN).toList();
    }
}
