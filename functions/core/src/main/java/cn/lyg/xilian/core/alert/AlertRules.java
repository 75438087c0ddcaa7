package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.calendar.CalendarSource;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The alert rules as configured: the evaluator with its settings and working-day calendars. The alert scan,
 * the weekly summary and the board evaluate with exactly these three, so they take them as one.
 *
 * <p>The calendars are data that can change while a function stays warm (a notice loaded into the table): each
 * evaluation reads them afresh. A use case that needs the calendar more than once per invocation takes
 * {@link #withCurrentCalendar()} first, so it reads each year once and sees one calendar throughout.
 */
public record AlertRules(AlertEvaluator evaluator, AlertSettings settings, CalendarSource calendars) {

    /** With one fixed calendar (tests, benchmarks). */
    public AlertRules(AlertEvaluator evaluator, AlertSettings settings, WorkCalendar calendar) {
        this(evaluator, settings, CalendarSource.fixed(calendar));
    }

    /** These rules with the calendar as it is now, fixed for the rest of one invocation. */
    public AlertRules withCurrentCalendar() {
        return new AlertRules(evaluator, settings, calendars.current());
    }

    /** The calendar as it is now. */
    public WorkCalendar calendar() {
        return calendars.current();
    }

    /** Every (task, unit) pair of the plan as of the given date. */
    public Evaluation evaluate(Plan plan, List<TaskUnitState> states, LocalDate asOf) {
        return evaluator.evaluate(plan, states, asOf, settings, calendars.current());
    }

    /** The alert a 受阻 or 滞后 report raises on its own, if any. */
    public Optional<Finding> evaluateSubmission(Plan plan, Submission submission) {
        return evaluator.evaluateSubmission(plan, submission);
    }
}
