package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.report.Standing.OverduePair;
import cn.lyg.xilian.core.report.Standing.Problem;
import cn.lyg.xilian.core.report.Standing.UnitProblems;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The week's {@link Standing}: the ranking, the reports' problems by unit and the overdue pairs. */
final class WeekStanding {

    private WeekStanding() {
    }

    static Standing of(Week w) {
        List<UnitProblems> problems = new ArrayList<>();
        for (Unit unit : w.plan.units()) {
            List<Problem> items = w.pairsOfUnit(unit.id()).stream()
                    .filter(p -> p.open() && p.latest() != null && p.latest().problems() != null
                            && !p.latest().problems().isBlank())
                    .map(p -> new Problem(p.task().id(), p.task().title(), p.latest().problems().strip()))
                    .toList();
            if (!items.isEmpty()) {
                problems.add(new UnitProblems(unit.id(), unit.name(), items));
            }
        }
        List<OverduePair> overdue = w.pairs.stream().filter(p -> p.open() && !p.deadline().isAfter(w.asOf))
                .map(p -> new OverduePair(p.task().id(), p.task().title(), p.unitId(), p.unitName(), p.deadline(),
                        ChronoUnit.DAYS.between(p.deadline(), w.asOf)))
                .toList();
        return new Standing(WeeklyRanking.of(w), problems, overdue);
    }
}
