package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link WeeklySummary} of one week; a pure function of its inputs. The parts are computed by
 * {@link WeekCounts} (numbers), {@link WeekChanges} (what changed), {@link WeekAttention} (what needs attention),
 * {@link WeekTargets} (targets) and {@link WeekDigests} (each unit's digest), over one {@link Week}.
 *
 * <h2>Inputs, and why they suffice</h2>
 * The current state of every pair (fixed size), the week's submissions (one index query) and the
 * previous week's {@link StatusSnapshot} (one item). The history is never read, so the cost does not
 * grow with it.
 *
 * <h2>Dates</h2>
 * Everything is as of {@code asOf} = the Sunday ending the week ({@link ReportWeek#sunday()}): the lights
 * (the caller evaluates the alert rules for that date), pro-rata expectations and the 30-day window.
 * A retry on Tuesday therefore says what Monday's mail said. Once the week is over its Sunday's
 * deadlines count as passed: "overdue" is a deadline on or before {@code asOf} of a task not done by every
 * unit, "due within 30 days" a deadline in {@code asOf+1 … asOf+30}. (The lights, from the alert rules,
 * still call a Sunday deadline 今天截止.) The current state read at sending time may contain a report
 * made on Monday before the mail went out; it counts, being the freshest fact.
 *
 * <h2>What "status change" means</h2>
 * A pair's status changed this week when its status at the end of the week (its last submission before
 * Monday 00:00) differs from its status at the start of the week, taken from the snapshot saved with the
 * previous week's summary (a pair absent from it had not reported: "未填报 → 推进中" is a change). When
 * that snapshot is missing (the first run, or a skipped week) the start is unknown; the change is then
 * measured from the pair's first submission of the week to its last, so a single report is not a change.
 * A completion is a pair whose end-of-week status is 已完成, having submitted this week, and that was not
 * already 已完成 at the start of the week (unknown counts as not done, so no completion is missed).
 *
 * <h2>Who must report</h2>
 * A unit must report every week on each of its open tasks (not reported 已完成). 催报名单 lists units
 * with at least one open task and no submission on it this week, with those tasks.
 */
public final class WeeklySummaryBuilder {

    /** The look-ahead of "deadlines in the next 30 days". */
    public static final int DUE_WINDOW_DAYS = 30;

    private final LedgerBuilder ledgerBuilder = new LedgerBuilder();

    /**
     * @param states          the current state of every pair ({@code ProgressRepository.allStates})
     * @param weekSubmissions submissions accepted in [week.start, week.end); others are ignored
     * @param baseline        the previous week's end-of-week snapshot, or null when there is none
     * @param evaluation      the alert rules evaluated on {@code states} as of {@code week.sunday()}
     */
    public WeeklySummary build(Plan plan, ReportWeek week, List<TaskUnitState> states,
                               List<Submission> weekSubmissions, @Nullable StatusSnapshot baseline,
                               Evaluation evaluation) {
        return build(plan, week, states, weekSubmissions, baseline, evaluation, Supervision.NONE);
    }

    /**
     * What supervision adds: reports left unreviewed for {@code unreviewedAfterWorkingDays} working days or more
     * (as of the week's Sunday; 0 turns the list off), and each unit's instructions of the week.
     */
    public record Supervision(@Nullable WorkCalendar calendar, int unreviewedAfterWorkingDays,
                              Map<String, List<Lines.InstructionLine>> instructionsByUnit,
                              @Nullable Set<String> reportsWithEvidence) {
        public static final Supervision NONE = new Supervision(null, 0, Map.of(), null);

        /** The key of a report in {@code reportsWithEvidence}. */
        public static String reportKey(String taskId, String unitId, String idempotencyKey) {
            return taskId + "#" + unitId + "#" + idempotencyKey;
        }
    }

    public WeeklySummary build(Plan plan, ReportWeek week, List<TaskUnitState> states,
                               List<Submission> weekSubmissions, @Nullable StatusSnapshot baseline,
                               Evaluation evaluation, Supervision supervision) {
        if (!evaluation.asOf().equals(week.sunday())) {
            throw new IllegalArgumentException("evaluate the lights as of " + week.sunday() + ", not " + evaluation.asOf());
        }
        Week w = new Week(plan, week, states, weekSubmissions, baseline, evaluation);
        Set<String> withEvidence = supervision.reportsWithEvidence();
        return new WeeklySummary(plan.year(), plan.title(), week, w.asOf, WeekCounts.headline(w),
                WeekCounts.bySection(w), WeekCounts.byField(w), WeekCounts.byUnit(w),
                WeekChanges.submissionLines(w, s -> true), WeekChanges.statusChanges(w), WeekChanges.completions(w),
                WeekAttention.missingReports(w), WeekAttention.redItems(w), WeekAttention.upcoming(w, p -> true),
                WeekTargets.of(w), baseline != null, WeekChanges.endOfWeekStatuses(w),
                ledgerBuilder.build(plan, states, evaluation), WeekDigests.of(w, supervision.instructionsByUnit()),
                supervision.calendar() == null || supervision.unreviewedAfterWorkingDays() <= 0 ? List.of()
                        : WeekAttention.unreviewed(w, supervision.calendar(), supervision.unreviewedAfterWorkingDays()),
                withEvidence == null ? List.of() : WeekChanges.submissionLines(w, s -> !withEvidence.contains(
                        Supervision.reportKey(s.taskId(), s.unitId(), s.idempotencyKey()))),
                null, // the run adds a missing holiday calendar (SendWeeklySummary): it is news of the day, not of the week
                WeekAttention.projectedLate(w), List.of(), WeekStanding.of(w));
    }
}
