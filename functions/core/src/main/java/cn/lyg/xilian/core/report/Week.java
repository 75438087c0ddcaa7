package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.alert.PairAssessments;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every part of a week's summary reads: the plan, the week and its end ({@code asOf}, the Sunday), the
 * previous week's snapshot, the lights as of the Sunday, the current states, every pair of the plan and the
 * week's submissions of responsible units (oldest first). Built once per summary.
 */
final class Week {

    final Plan plan;
    final ReportWeek week;
    final LocalDate asOf;
    @Nullable
    final StatusSnapshot baseline;
    final Evaluation evaluation;
    final List<TaskUnitState> states;
    final List<WeekPair> pairs = new ArrayList<>();
    final List<Submission> submissions;

    Week(Plan plan, ReportWeek week, List<TaskUnitState> states, List<Submission> submissions,
         @Nullable StatusSnapshot baseline, Evaluation evaluation) {
        this.plan = plan;
        this.week = week;
        this.asOf = week.sunday();
        this.baseline = baseline;
        this.evaluation = evaluation;
        this.states = states;
        this.submissions = submissions.stream()
                .filter(s -> s.planYear() == plan.year() && week.contains(s.submittedAt()))
                .filter(s -> plan.task(s.taskId()).map(t -> t.isResponsible(s.unitId())).orElse(false))
                .sorted(Comparator.comparing(Submission::submittedAt).thenComparing(Submission::idempotencyKey))
                .toList();

        StateIndex stateByPair = StateIndex.of(states);
        PairAssessments assessments = evaluation.assessmentsByPair();
        Map<String, List<Submission>> weekByPair = new HashMap<>();
        this.submissions.forEach(s ->
                weekByPair.computeIfAbsent(PairKey.of(s.taskId(), s.unitId()), k -> new ArrayList<>()).add(s));
        for (PlanTask task : plan.tasks()) {
            for (String unitId : task.unitIds()) {
                TaskUnitState state = stateByPair.state(task.id(), unitId);
                pairs.add(new WeekPair(task, unitId, unitName(unitId), state == null ? null : state.latest(),
                        weekByPair.getOrDefault(PairKey.of(task.id(), unitId), List.of()),
                        assessments.of(task.id(), unitId), state == null ? task.deadline() : state.deadline(task)));
            }
        }
    }

    List<WeekPair> pairsOf(PlanTask task) {
        return pairs.stream().filter(p -> p.task() == task).toList();
    }

    List<WeekPair> pairsOfUnit(String unitId) {
        return pairs.stream().filter(p -> p.unitId().equals(unitId)).toList();
    }

    String unitName(String unitId) {
        return plan.unit(unitId).map(Unit::name).orElse(unitId);
    }

    String taskTitle(String taskId) {
        return plan.task(taskId).map(PlanTask::title).orElse(taskId);
    }
}
