package cn.lyg.xilian.core.yearend;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.ProgressTrail;
import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.yearend.YearSummary.PairLine;
import cn.lyg.xilian.core.yearend.YearSummary.Problem;
import cn.lyg.xilian.core.yearend.YearSummary.TargetLine;
import cn.lyg.xilian.core.yearend.YearSummary.Timeliness;
import cn.lyg.xilian.core.yearend.YearSummary.UnitLine;
import cn.lyg.xilian.core.yearend.YearSummary.UnitProblems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.core.PlanTime.ZONE;

/**
 * Builds the {@link YearSummary} of a plan from the pairs' current states only (the latest report, its review,
 * the approved extension, the count and the trail are all on the state): one Query, whatever the history.
 *
 * <p>When a pair finished: the first date of the final run of reports at the final percent in its trail (the
 * latest 6 report dates), else the latest report's date. A pair reporting 已完成 on 12-20 after 100 % 推进中 on 12-10
 * finished on 12-10.
 */
public final class YearSummaryBuilder {

    private YearSummaryBuilder() {
    }

    public static YearSummary build(Plan plan, List<TaskUnitState> states, LocalDate asOf) {
        StateIndex index = StateIndex.of(states);
        List<PairLine> pairs = new ArrayList<>();
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        for (PlanTask task : plan.tasks()) {
            for (String unitId : task.unitIds()) {
                TaskUnitState known = index.state(task.id(), unitId);
                TaskUnitState state = known != null ? known : new TaskUnitState(plan.year(), task.id(), unitId, null);
                pairs.add(line(plan, task, state, asOf));
                Submission latest = state.latest();
                if (latest != null && latest.problems() != null && !latest.problems().isBlank()) {
                    problems.computeIfAbsent(unitId, u -> new ArrayList<>()).add(new Problem(task.id(), task.title(),
                            latest.submittedAt().atZone(ZONE).toLocalDate(), latest.problems().strip()));
                }
            }
        }
        List<UnitLine> units = rank(plan, pairs);
        List<UnitProblems> byUnit = new ArrayList<>();
        for (UnitLine u : units) {
            List<Problem> ofUnit = problems.get(u.unitId());
            if (ofUnit != null) {
                byUnit.add(new UnitProblems(u.unitId(), u.unitName(), ofUnit));
            }
        }
        return new YearSummary(plan.year(), plan.title(), asOf, pairs, units, byUnit);
    }

    private static PairLine line(Plan plan, PlanTask task, TaskUnitState state, LocalDate asOf) {
        Submission latest = state.latest();
        LocalDate deadline = state.deadline(task);
        boolean done = latest != null && latest.status() == ProgressStatus.DONE;
        LocalDate finishedOn = done ? finishedOn(state) : null;
        Timeliness timeliness = done ? (finishedOn.isAfter(deadline) ? Timeliness.LATE : Timeliness.ON_TIME)
                : asOf.isAfter(deadline) ? Timeliness.OVERDUE : Timeliness.OPEN;
        List<TargetLine> targets = new ArrayList<>();
        for (Target t : task.targetsFor(state.unitId())) {
            targets.add(new TargetLine(t.metric(), t.measure(), t.minimum(),
                    latest == null ? null : latest.figures().get(t.id())));
        }
        String review = latest == null ? "—" : state.review() == null ? "未审核" : state.review().decision().label();
        return new PairLine(task.id(), task.title(), state.unitId(), unitName(plan, state.unitId()),
                latest == null ? "未填报" : latest.status().label(), latest == null ? 0 : latest.percent(), targets,
                deadline, state.extendedDeadline() != null, finishedOn, timeliness, state.submissions(), review);
    }

    private static LocalDate finishedOn(TaskUnitState state) {
        List<ProgressTrail.Point> points = state.trail().points();
        LocalDate reported = state.latest().submittedAt().atZone(ZONE).toLocalDate();
        if (points.isEmpty()) {
            return reported;
        }
        int finalPercent = state.latest().percent();
        LocalDate first = points.get(points.size() - 1).date();
        for (int i = points.size() - 1; i >= 0 && points.get(i).percent() >= finalPercent; i--) {
            first = points.get(i).date();
        }
        return first.isAfter(reported) ? reported : first;
    }

    private static List<UnitLine> rank(Plan plan, List<PairLine> pairs) {
        List<UnitLine> unranked = new ArrayList<>();
        for (Unit unit : plan.units()) {
            List<PairLine> ofUnit = pairs.stream().filter(p -> p.unitId().equals(unit.id())).toList();
            if (ofUnit.isEmpty()) {
                continue;
            }
            int targets = ofUnit.stream().mapToInt(p -> p.targets().size()).sum();
            int achieved = (int) ofUnit.stream().flatMap(p -> p.targets().stream()).filter(TargetLine::achieved).count();
            unranked.add(new UnitLine(0, unit.id(), unit.name(), ofUnit.size(), count(ofUnit, Timeliness.ON_TIME)
                    + count(ofUnit, Timeliness.LATE), count(ofUnit, Timeliness.ON_TIME), count(ofUnit, Timeliness.LATE),
                    count(ofUnit, Timeliness.OVERDUE), achieved, targets));
        }
        List<UnitLine> sorted = unranked.stream()
                .sorted(UnitRanking.order(plan.units().stream().map(Unit::id).toList())).toList();
        List<UnitLine> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            UnitLine u = sorted.get(i);
            ranked.add(new UnitLine(i + 1, u.unitId(), u.unitName(), u.pairs(), u.done(), u.onTime(), u.late(),
                    u.overdue(), u.targetsAchieved(), u.targets()));
        }
        return ranked;
    }

    private static int count(List<PairLine> pairs, Timeliness t) {
        return (int) pairs.stream().filter(p -> p.timeliness() == t).count();
    }

    private static String unitName(Plan plan, String unitId) {
        return plan.unit(unitId).map(Unit::name).orElse(unitId);
    }
}
