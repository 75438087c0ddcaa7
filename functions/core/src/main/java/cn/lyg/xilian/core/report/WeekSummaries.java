package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.supervision.SupervisionRecords;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read model of a past week, as the Monday summary computes it (state at the week's end, lights as of its
 * Sunday, the previous week's snapshot): {@link SendWeeklySummary} sends it, the board's ranking and 情况通报
 * download read it, so the three always agree.
 */
public final class WeekSummaries {

    private final ProgressRepository progress;
    private final DigestRepository digests;
    private final AlertRules rules;
    private final Clock clock;
    /** Null: no supervision sections (unreviewed reports, instructions). */
    private final SupervisionRecords supervision;
    private final int unreviewedWorkingDays;
    private final WeeklySummaryBuilder builder = new WeeklySummaryBuilder();

    public WeekSummaries(ProgressRepository progress, DigestRepository digests, AlertRules rules, Clock clock,
                         SupervisionRecords supervision, int unreviewedWorkingDays) {
        this.progress = progress;
        this.digests = digests;
        this.rules = rules;
        this.clock = clock;
        this.supervision = supervision;
        this.unreviewedWorkingDays = unreviewedWorkingDays;
    }

    /** Builds the week's summary without sending anything. */
    public WeeklySummary summaryOf(Plan plan, ReportWeek week) {
        int planYear = plan.year();
        // The state at the week's end, not today's: a late run or a re-send says what the on-time run said.
        List<TaskUnitState> states = StatesAsOf.of(progress, planYear, progress.allStates(planYear), week.end(),
                clock.instant().plus(Duration.ofDays(1)));
        List<Submission> ofWeek = progress.submittedBetween(planYear, week.start(), week.end());
        StatusSnapshot baseline = digests.snapshot(planYear, week.previous()).orElse(null);
        AlertRules current = rules.withCurrentCalendar(); // one calendar for the lights and the working days
        Evaluation evaluation = current.evaluate(plan, states, week.sunday());
        return builder.build(plan, week, states, ofWeek, baseline, evaluation,
                supervisionOf(plan, week, current.calendar()));
    }

    /** The last complete week as of now (Asia/Shanghai): the default of the board's ranking. */
    public ReportWeek lastCompleteWeek() {
        return ReportWeek.previousOf(java.time.LocalDate.now(clock.withZone(PlanTime.ZONE)));
    }

    /** One Query per task: the week's instructions, per unit they address (all units of the task, or one). */
    private WeeklySummaryBuilder.Supervision supervisionOf(Plan plan, ReportWeek week, WorkCalendar calendar) {
        if (supervision == null) {
            return WeeklySummaryBuilder.Supervision.NONE;
        }
        Map<String, List<Lines.InstructionLine>> byUnit = new HashMap<>();
        Set<String> withEvidence = new HashSet<>();
        for (PlanTask task : plan.tasks()) {
            var record = supervision.ofTask(plan.year(), task.id());
            record.files().forEach(f -> withEvidence.add(
                    WeeklySummaryBuilder.Supervision.reportKey(f.taskId(), f.unitId(), f.reportKey())));
            for (String unitId : task.unitIds()) {
                record.instructionsFor(unitId, week.start(), week.end()).forEach(i -> byUnit
                        .computeIfAbsent(unitId, k -> new java.util.ArrayList<>())
                        .add(new Lines.InstructionLine(task.id(), task.title(), i.text(),
                                i.issuedAt().atZone(PlanTime.ZONE).toLocalDate())));
            }
        }
        return new WeeklySummaryBuilder.Supervision(calendar, unreviewedWorkingDays, byUnit, withEvidence);
    }
}
