package cn.lyg.xilian.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the units stand as of the week's Sunday, for the ranking table and the 情况通报 ({@link WeekStanding}).
 *
 * @param ranking  every unit with pairs, best first ({@link WeeklyRanking})
 * @param problems per unit in plan order, the 存在问题 of its open pairs' latest reports; units without any left out
 * @param overdue  open pairs past their effective deadline, in plan order
 */
public record Standing(List<UnitScore> ranking, List<UnitProblems> problems, List<OverduePair> overdue) {

    public static final Standing NONE = new Standing(List.of(), List.of(), List.of());

    public Standing {
        ranking = List.copyOf(ranking);
        problems = List.copyOf(problems);
        overdue = List.copyOf(overdue);
    }

    /** The unit's own line: what a unit may see of the ranking (its score and rank, not the others'). */
    public Optional<UnitScore> scoreOf(String unitId) {
        return ranking.stream().filter(s -> s.unitId().equals(unitId)).findFirst();
    }

    /** One unit's problems; {@code text} is the unit's free text (untrusted). */
    public record UnitProblems(String unitId, String unitName, List<Problem> items) {
        public UnitProblems {
            items = List.copyOf(items);
        }
    }

    public record Problem(String taskId, String taskTitle, String text) {
    }

    public record OverduePair(String taskId, String taskTitle, String unitId, String unitName, LocalDate deadline,
                              long daysOverdue) {
    }
}
