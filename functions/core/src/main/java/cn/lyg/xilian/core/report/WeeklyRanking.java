package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.progress.TaskUnitState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one weekly ranking of units (排名), as of a week's Sunday: the board, the coordinators' Monday summary and the
 * 情况通报 all show this. (The 年度总结 ranks a year's final picture: {@code core.yearend.UnitRanking}.)
 *
 * <h2>Formula</h2>
 * For each unit with pairs, as of the Sunday:
 * <ul>
 *   <li>timeliness T = reported / cycles: a cycle is one pair that had to report this week (still open, or completed
 *       during it); it counts as reported when the week has a report on it. No cycle: T = 1;</li>
 *   <li>pace P = onPace / pairs: pairs green by the alert rules (按期进度, neither 黄 nor 红);</li>
 *   <li>O = open pairs past their effective deadline; R = pairs whose latest report is 退回.</li>
 * </ul>
 * score = 50·T + 50·P − 5·O − 2·R, rounded half up to tenths, never below 0 (in {@link UnitScore#scoreTenths},
 * computed in integers: {@code round(500·T + 500·P) − 50·O − 20·R}).
 *
 * <h2>Tie-break</h2>
 * Same score: fewer overdue pairs, then fewer returned reports, then the unit's order in the plan. The ranking is
 * total: ranks are 1 … n with no two equal.
 *
 * <h2>Worked example</h2>
 * 赣榆区 has 2 pairs, both open and both reported this week (T = 2/2), one green and one 红 (P = 1/2), none overdue
 * or returned: 50 + 25 = 75.0. 东海县 has 2 open pairs, neither reported (T = 0/2), one 黄 and one 红 and overdue
 * (P = 0/2, O = 1): 0 + 0 − 5 = −5, so 0.0. 灌云县 has 2 pairs, one completed this week with a report and one
 * completed in June (cycles 1, reported 1, T = 1; P = 2/2): 100.0. Ranking: 灌云县 100.0, 赣榆区 75.0, 东海县 0.0.
 */
public final class WeeklyRanking {

    private WeeklyRanking() {
    }

    static List<UnitScore> of(Week w) {
        StateIndex states = StateIndex.of(w.states);
        List<Unsorted> lines = new ArrayList<>();
        List<Unit> units = w.plan.units();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            List<WeekPair> own = w.pairsOfUnit(unit.id());
            if (own.isEmpty()) {
                continue;
            }
            int cycles = 0, reported = 0, onPace = 0, overdue = 0, returned = 0;
            for (WeekPair p : own) {
                if (p.open() || p.reportedThisWeek()) {
                    cycles++;
                    reported += p.reportedThisWeek() ? 1 : 0;
                }
                onPace += p.assessment().light() == Light.GREEN ? 1 : 0;
                overdue += p.open() && !p.deadline().isAfter(w.asOf) ? 1 : 0;
                TaskUnitState state = states.state(p.task().id(), unit.id());
                returned += state != null && state.returned() ? 1 : 0;
            }
            lines.add(new Unsorted(i, unit, cycles, reported, own.size(), onPace, overdue, returned,
                    scoreTenths(cycles, reported, own.size(), onPace, overdue, returned)));
        }
        lines.sort(Comparator.comparingInt(Unsorted::scoreTenths).reversed()
                .thenComparingInt(Unsorted::overdue).thenComparingInt(Unsorted::returned)
                .thenComparingInt(Unsorted::planOrder));
        List<UnitScore> ranked = new ArrayList<>();
        for (Unsorted u : lines) {
            ranked.add(new UnitScore(ranked.size() + 1, u.unit.id(), u.unit.name(), u.cycles, u.reported, u.pairs,
                    u.onPace, u.overdue, u.returned, u.scoreTenths));
        }
        return ranked;
    }

    /** The formula above, in tenths of a point; exact up to the one rounding (half up) of 500·T + 500·P. */
    public static int scoreTenths(int cycles, int reported, int pairs, int onPace, int overdue, int returned) {
        // 500·r/c + 500·g/n over the common denominator c·n, rounded half up
        long c = Math.max(1, cycles), n = Math.max(1, pairs);
        long r = cycles == 0 ? 1 : reported, g = pairs == 0 ? 1 : onPace;
        long numerator = 500 * r * n + 500 * g * c;
        long denominator = c * n;
        long shares = (2 * numerator + denominator) / (2 * denominator);
        return (int) Math.max(0, shares - 50L * overdue - 20L * returned);
    }

    private record Unsorted(int planOrder, Unit unit, int cycles, int reported, int pairs, int onPace, int overdue,
                            int returned, int scoreTenths) {
    }
}
