package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.calendar.WorkCalendar;

import cn.lyg.xilian.core.progress.StateIndex;
import static cn.lyg.xilian.core.PlanTime.ZONE;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.progress.Review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The alert rules, as pure functions of (plan, states, date, settings, calendar). All dates are
 * Asia/Shanghai.
 *
 * <h2>Lights</h2>
 * A unit that reported 已完成 is green and gets no alert. Otherwise, for the deadline and each
 * milestone (a "dated point"):
 * <ul>
 *   <li>临近 (yellow) whenever the point is 0 … {@link AlertSettings#leadWindowDays()} days ahead;</li>
 *   <li>逾期 (red) from the first day after the point until the unit reports 已完成. A milestone has no
 *       completion of its own in a submission, so it stays overdue until the task is done;</li>
 *   <li>滞后 while the deadline has not passed (afterwards 逾期 says it all): the expected progress is
 *       {@code f = (asOf − issuedOn) / (deadline − issuedOn)} clamped to [0, 1]; the percent complete
 *       is behind when {@code 100·f − percent > margin}, a target when
 *       {@code 100·f − 100·reported/minimum > margin} (so the target is compared with
 *       {@code minimum·f}). A target without a figure counts as 0 once the unit has reported at all;
 *       a unit that never reported is 未报 instead. Yellow, red within
 *       {@link AlertSettings#behindRedWindowDays()} days of the deadline;</li>
 *   <li>未报 (yellow) after {@link AlertSettings#unreportedDays()} days without a submission, counted
 *       from the latest submission or, for a unit that never reported, from the plan's issue date;</li>
 *   <li>a latest report of 受阻 (red) or 滞后 (yellow) is shown as a reason too; its alert is
 *       event-driven, see {@link #evaluateSubmission};</li>
 *   <li>预计逾期 (yellow), the early warning: when every rule above leaves the pair green and its
 *       {@link Forecast} reaches 100 % after the (possibly extended) deadline, "按当前进度预计11月3日完成，晚于时限3天".
 *       It warns before 滞后 or 临近 fire; once they do, they say more and it steps aside.</li>
 * </ul>
 * A pair's light is the worst of its reasons; a task's light is the worst of its units' lights.
 *
 * <h2>When a finding is due</h2>
 * <ul>
 *   <li>A lead reminder N is due exactly N days before the point; an overdue reminder on the first
 *       day after the point and every {@link AlertSettings#overdueCadenceDays()} days after.</li>
 *   <li>With quiet days on, nothing is due on a weekend or holiday (make-up working days count as
 *       working days). A reminder whose day was quiet is due on the next working day instead and keeps
 *       its occurrence key ("lead-7"), so the move can never duplicate it. When several reminders of
 *       the same point land on the same working day, only the most urgent is sent (e.g. lead-3 and
 *       lead-1 both skipped over 国庆 → only lead-1); a lead reminder that would land after its point
 *       is dropped, because 逾期 takes over.</li>
 *   <li>预计逾期 is due once per pair and effective deadline ("projected-late-2026-12-31"): one warning per
 *       episode, and an approved extension starts a new one. A pair that recovers and slips again is shown
 *       yellow on the board but not alerted again for the same deadline.</li>
 *   <li>滞后 and 未报 describe a state rather than a moment: they are due on every sending day while
 *       they hold, with an occurrence naming the period (the week's Monday, the n-th silent period).
 *       The repository's create-if-absent makes that one notification per period.</li>
 * </ul>
 */
public final class AlertEvaluator {


    /** How far back to look for overdue periods moved forward by quiet days; longer than any holiday. */
    private static final int MAX_QUIET_STRETCH_DAYS = 31;

    /** Evaluates every (task, unit) pair of the plan as of the given date. */
    public Evaluation evaluate(Plan plan, List<TaskUnitState> states, LocalDate asOf, AlertSettings settings,
                               WorkCalendar calendar) {
        boolean sendingDay = !settings.quietDays() || calendar.isWorkingDay(asOf);
        UnaryOperator<LocalDate> sendDayOf = settings.quietDays() ? calendar::workingDayOnOrAfter : d -> d;

        StateIndex stateByPair = StateIndex.of(states);

        List<Assessment> assessments = new ArrayList<>();
        Map<String, Light> taskLights = new LinkedHashMap<>();
        List<Finding> due = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            Light taskLight = Light.GREEN;
            for (String unitId : task.unitIds()) {
                TaskUnitState known = stateByPair.state(task.id(), unitId);
                TaskUnitState state = known != null ? known : new TaskUnitState(plan.year(), task.id(), unitId, null);
                PairEvaluation pair = new PairEvaluation(plan, task, state, asOf, settings, sendDayOf);
                assessments.add(pair.assessment());
                taskLight = taskLight.worst(pair.assessment().light());
                if (sendingDay) {
                    due.addAll(pair.due());
                }
            }
            taskLights.put(task.id(), taskLight);
        }
        return new Evaluation(asOf, sendingDay, assessments, taskLights, due);
    }

    /** Only a 受阻 or 滞后 report can raise an alert of its own ({@link #evaluateSubmission}); no plan needed to tell. */
    public static boolean mayAlertOnSubmission(Submission submission) {
        return submission.status() == ProgressStatus.BLOCKED || submission.status() == ProgressStatus.BEHIND;
    }

    /**
     * The event-driven alert: a submission reporting 受阻 (red) or 滞后 (yellow) alerts the
     * coordinators right away, whatever the day. Empty for any other status, or when the task or
     * the unit's responsibility is unknown.
     */
    public Optional<Finding> evaluateSubmission(Plan plan, Submission submission) {
        if (!mayAlertOnSubmission(submission)) {
            return Optional.empty();
        }
        ProgressStatus status = submission.status();
        Optional<PlanTask> task = plan.task(submission.taskId());
        if (task.isEmpty() || !task.get().isResponsible(submission.unitId())) {
            return Optional.empty();
        }
        Light light = status == ProgressStatus.BLOCKED ? Light.RED : Light.YELLOW;
        return Optional.of(new Finding(plan.year(), submission.taskId(), submission.unitId(),
                Rule.REPORTED_BLOCKED, light, "submission-" + submission.idempotencyKey(),
                reportedStatusReason(submission), submission.submittedAt().atZone(ZONE).toLocalDate()));
    }

    private static String reportedStatusReason(Submission s) {
        String problems = s.problems() == null || s.problems().isBlank() ? "" : "：" + s.problems().strip();
        return "单位上报" + s.status().label() + "，进度" + s.percent() + "%" + problems;
    }

    /** A deadline or a milestone; {@code keyPrefix} is "" for the deadline, "milestone-<date>-" otherwise. */
    private record DatedPoint(LocalDate date, String keyPrefix, String describeAhead, String describePassed) {

        /**
         * An approved extension replaces the plan's deadline; its reminders get their own occurrence keys
         * ("extended-<date>-lead-7"), so alerts sent for the old date stay sent and the new date's are raised once.
         */
        static List<DatedPoint> of(PlanTask task, TaskUnitState state) {
            List<DatedPoint> points = new ArrayList<>();
            if (state.extendedDeadline() == null) {
                points.add(new DatedPoint(task.deadline(), "", "距截止", "已逾期"));
            } else {
                points.add(new DatedPoint(state.extendedDeadline(), "extended-" + state.extendedDeadline() + "-",
                        "距延期截止", "延期截止已过"));
            }
            task.milestones().stream()
                    .filter(m -> !m.due().equals(task.deadline()))
                    .map(m -> m.due()).distinct().sorted()
                    .forEach(date -> {
                        String what = milestoneLabel(task, date);
                        points.add(new DatedPoint(date, "milestone-" + date + "-",
                                "距节点" + what, "节点" + what + "已逾期"));
                    });
            return points;
        }

        private static String milestoneLabel(PlanTask task, LocalDate date) {
            String descriptions = String.join("、", task.milestones().stream()
                    .filter(m -> m.due().equals(date)).map(Milestone::description).toList());
            return "“" + descriptions + "”（" + chineseDate(date) + "）";
        }
    }

    /** The rules applied to one (task, unit) pair. */
    private static final class PairEvaluation {
        private final Plan plan;
        private final PlanTask task;
        private final TaskUnitState state;
        private final Submission latest;
        private final LocalDate deadline;
        private final LocalDate asOf;
        private final AlertSettings settings;
        private final UnaryOperator<LocalDate> sendDayOf;
        private final List<Reason> reasons = new ArrayList<>();
        private final List<Finding> due = new ArrayList<>();

        PairEvaluation(Plan plan, PlanTask task, TaskUnitState state, LocalDate asOf, AlertSettings settings,
                       UnaryOperator<LocalDate> sendDayOf) {
            this.plan = plan;
            this.task = task;
            this.state = state;
            this.asOf = asOf;
            this.deadline = state.deadline(task);
            // A report sent back stops counting once the grace period is over: the pair is 未报 until it reports again.
            this.latest = state.returned() && !asOf.isBefore(state.review().reviewedAt().atZone(ZONE).toLocalDate()
                    .plusDays(settings.returnedGraceDays())) ? null : state.latest();
            this.settings = settings;
            this.sendDayOf = sendDayOf;
            if (latest != null && latest.status() == ProgressStatus.DONE) {
                return;
            }
            for (DatedPoint point : DatedPoint.of(task, state)) {
                applyDates(point);
            }
            applyBehind();
            applyUnreported();
            applyReportedStatus();
            applyForecast(Forecast.of(state));
        }

        Assessment assessment() {
            Light light = reasons.stream().map(Reason::light).reduce(Light.GREEN, Light::worst);
            return new Assessment(task.id(), state.unitId(), light, reasons);
        }

        List<Finding> due() {
            return due;
        }

        private String progressSuffix() {
            return latest == null ? "，尚未填报" : "，进度" + latest.percent() + "%";
        }

        private void applyDates(DatedPoint point) {
            long daysAhead = ChronoUnit.DAYS.between(asOf, point.date());
            if (daysAhead >= 0 && daysAhead <= settings.leadWindowDays()) {
                String text = (daysAhead == 0
                        ? (point.keyPrefix().isEmpty() ? "今天截止" : point.describeAhead().replace("距", "") + "今天到期")
                        : point.describeAhead() + "还有" + daysAhead + "天") + progressSuffix();
                reasons.add(new Reason(Rule.APPROACHING, Light.YELLOW, text));
                leadReminderDueToday(point).ifPresent(lead -> addDue(Rule.APPROACHING, Light.YELLOW,
                        point.keyPrefix() + "lead-" + lead, text));
            } else if (daysAhead < 0) {
                String text = point.describePassed() + (-daysAhead) + "天" + progressSuffix();
                reasons.add(new Reason(Rule.OVERDUE, Light.RED, text));
                overduePeriodDueToday(point).ifPresent(period -> addDue(Rule.OVERDUE, Light.RED,
                        point.keyPrefix() + "overdue-" + period, text));
            }
        }

        /** The smallest lead N whose (possibly moved) reminder day is today and not after the point. */
        private Optional<Integer> leadReminderDueToday(DatedPoint point) {
            return settings.leadDays().stream()
                    .filter(n -> {
                        LocalDate sendDay = sendDayOf.apply(point.date().minusDays(n));
                        return sendDay.equals(asOf) && !sendDay.isAfter(point.date());
                    })
                    .min(Comparator.naturalOrder());
        }

        /** The 1-based overdue period whose (possibly moved) first day is today; the latest if several. */
        private Optional<Long> overduePeriodDueToday(DatedPoint point) {
            long daysOver = ChronoUnit.DAYS.between(point.date(), asOf);
            int cadence = settings.overdueCadenceDays();
            long latestStarted = (daysOver - 1) / cadence; // 0-based index of the period asOf falls in
            for (long m = latestStarted; m >= 0; m--) {
                LocalDate nominal = point.date().plusDays(1 + m * cadence);
                if (nominal.isBefore(asOf.minusDays(MAX_QUIET_STRETCH_DAYS))) {
                    break;
                }
                LocalDate sendDay = sendDayOf.apply(nominal);
                if (sendDay.equals(asOf)) {
                    return Optional.of(m + 1);
                }
                if (sendDay.isBefore(asOf)) {
                    break; // earlier periods were sent on earlier days
                }
            }
            return Optional.empty();
        }

        private void applyBehind() {
            if (latest == null || asOf.isAfter(deadline)) {
                return;
            }
            BigDecimal expectedPercent = expectedFraction().multiply(BigDecimal.valueOf(100));
            BigDecimal margin = BigDecimal.valueOf(settings.behindMarginPoints());
            List<String> shortfalls = new ArrayList<>();
            if (expectedPercent.subtract(BigDecimal.valueOf(latest.percent())).compareTo(margin) > 0) {
                shortfalls.add("按期应达" + plain(expectedPercent.setScale(0, RoundingMode.HALF_UP)) + "%，实际"
                        + latest.percent() + "%");
            }
            for (Target target : task.targetsFor(state.unitId())) {
                if (target.minimum().signum() <= 0) {
                    continue;
                }
                BigDecimal reported = latest.figures().getOrDefault(target.id(), BigDecimal.ZERO);
                BigDecimal achievedPercent = reported.multiply(BigDecimal.valueOf(100))
                        .divide(target.minimum(), 4, RoundingMode.HALF_UP);
                if (expectedPercent.subtract(achievedPercent).compareTo(margin) > 0) {
                    BigDecimal expected = target.minimum().multiply(expectedFraction()).setScale(1, RoundingMode.HALF_UP);
                    shortfalls.add(target.metric() + "按期应达" + plain(expected) + target.measure() + "（目标"
                            + plain(target.minimum()) + target.measure() + "），实报" + plain(reported) + target.measure());
                }
            }
            if (shortfalls.isEmpty()) {
                return;
            }
            long daysToDeadline = ChronoUnit.DAYS.between(asOf, deadline);
            Light light = daysToDeadline <= settings.behindRedWindowDays() ? Light.RED : Light.YELLOW;
            String text = "进度滞后：" + String.join("；", shortfalls);
            reasons.add(new Reason(Rule.BEHIND, light, text));
            LocalDate weekStart = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            addDue(Rule.BEHIND, light, "behind-" + weekStart, text);
        }

        /** (asOf − issuedOn) / (deadline − issuedOn), clamped to [0, 1]; 1 when the span is empty. */
        private BigDecimal expectedFraction() {
            long span = ChronoUnit.DAYS.between(plan.issuedOn(), deadline);
            if (span <= 0) {
                return BigDecimal.ONE;
            }
            long elapsed = Math.clamp(ChronoUnit.DAYS.between(plan.issuedOn(), asOf), 0, span);
            return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(span), 6, RoundingMode.HALF_UP);
        }

        private void applyUnreported() {
            if (latest == null && state.returned()) {
                Review r = state.review();
                String text = "填报已被退回（" + r.reason() + "），逾期未重新填报";
                reasons.add(new Reason(Rule.UNREPORTED, Light.YELLOW, text));
                addDue(Rule.UNREPORTED, Light.YELLOW, "returned-" + r.submissionKey(), text);
                return;
            }
            LocalDate since = latest == null ? plan.issuedOn() : latest.submittedAt().atZone(ZONE).toLocalDate();
            long silentDays = ChronoUnit.DAYS.between(since, asOf);
            if (silentDays < settings.unreportedDays()) {
                return;
            }
            String text = latest == null
                    ? "方案印发以来" + silentDays + "天未填报"
                    : "已" + silentDays + "天未填报（上次" + chineseDate(since) + "）";
            reasons.add(new Reason(Rule.UNREPORTED, Light.YELLOW, text));
            long period = silentDays / settings.unreportedDays();
            addDue(Rule.UNREPORTED, Light.YELLOW, "unreported-since-" + since + "-" + period, text);
        }

        /** The alert itself was event-driven; here the reported status only colours the light. */
        private void applyReportedStatus() {
            if (latest != null && (latest.status() == ProgressStatus.BLOCKED || latest.status() == ProgressStatus.BEHIND)) {
                Light light = latest.status() == ProgressStatus.BLOCKED ? Light.RED : Light.YELLOW;
                reasons.add(new Reason(Rule.REPORTED_BLOCKED, light, reportedStatusReason(latest)));
            }
        }

        /** Only a pair every other rule leaves green; red and the time-based rules keep precedence. */
        private void applyForecast(Forecast forecast) {
            if (!reasons.isEmpty() || latest == null || asOf.isAfter(deadline) || forecast.daysLate(deadline) <= 0) {
                return;
            }
            String text = forecast.lateReason(deadline);
            reasons.add(new Reason(Rule.PROJECTED_LATE, Light.YELLOW, text));
            addDue(Rule.PROJECTED_LATE, Light.YELLOW, "projected-late-" + deadline, text);
        }

        private void addDue(Rule rule, Light light, String occurrence, String reason) {
            due.add(new Finding(plan.year(), task.id(), state.unitId(), rule, light, occurrence, reason, asOf));
        }
    }

    /** "6月30日" */
    static String chineseDate(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
