package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The alert rules as configured: the evaluator with its settings and working-day calendar. The alert scan,
 * the weekly summary and the board evaluate with exactly these three, so they take them as one.
 */
public record AlertRules(AlertEvaluator evaluator, AlertSettings settings, WorkCalendar calendar) {

    /** Every (task, unit) pair of the plan as of the given date. */
    public Evaluation evaluate(Plan plan, List<TaskUnitState> states, LocalDate asOf) {
        return evaluator.evaluate(plan, states, asOf, settings, calendar);
    }

    /** The alert a 受阻 or 滞后 report raises on its own, if any. */
    public Optional<Finding> evaluateSubmission(Plan plan, Submission submission) {
        return evaluator.evaluateSubmission(plan, submission);
    }
}
