package cn.lyg.xilian.core.yearend;

import cn.lyg.xilian.core.yearend.YearSummary.UnitLine;

import java.util.Comparator;
import java.util.List;

/**
 * The one ranking of units in the 年度总结. Units are ordered by, in turn:
 * <ol>
 *   <li>the share of their pairs completed on time ({@code onTime / pairs}, by the approved extension if any),
 *       higher first;</li>
 *   <li>the share of their pairs completed at all ({@code done / pairs}), higher first;</li>
 *   <li>fewer pairs overdue (deadline passed, not completed);</li>
 *   <li>the unit's order in the plan (the notice's list of units): the stated tie-break, so the ranking is total.</li>
 * </ol>
 * Shares compare exactly (cross-multiplied), never as rounded percents.
 *
 * <p>Worked example: 赣榆区 has 4 pairs, 3 on time, 4 done, 0 overdue (75 %, 100 %); 东海县 has 2 pairs, 2 on time
 * (100 %); 灌云县 has 4 pairs, 3 on time, 3 done, 1 overdue (75 %, 75 %). Ranking: 东海县 (100 % on time), 赣榆区
 * (75 %, then 100 % done), 灌云县 (75 %, 75 %). Two units with the same figures keep the plan's order.
 */
public final class UnitRanking {

    private UnitRanking() {
    }

    /** Orders the lines best first; {@code planOrder} lists unit ids as in the plan. */
    public static Comparator<UnitLine> order(List<String> planOrder) {
        Comparator<UnitLine> onTime = (a, b) -> compareShares(b.onTime(), b.pairs(), a.onTime(), a.pairs());
        Comparator<UnitLine> done = (a, b) -> compareShares(b.done(), b.pairs(), a.done(), a.pairs());
        return onTime.thenComparing(done)
                .thenComparingInt(UnitLine::overdue)
                .thenComparingInt(u -> position(planOrder, u.unitId()));
    }

    /** Compares x1/y1 with x2/y2 exactly; a unit without pairs has a share of 0. */
    static int compareShares(int x1, int y1, int x2, int y2) {
        long left = y1 == 0 ? 0 : (long) x1 * Math.max(1, y2);
        long right = y2 == 0 ? 0 : (long) x2 * Math.max(1, y1);
        return Long.compare(left, right);
    }

    private static int position(List<String> planOrder, String unitId) {
        int i = planOrder.indexOf(unitId);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
