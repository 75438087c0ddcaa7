package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.progress.ProgressStatus;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The line types of a weekly summary; plain data, already in display order. */
public final class Lines {

    private Lines() {
    }

    /** A task, as listed in 催报名单 and "not reported". */
    public record TaskRef(String taskId, String taskTitle, LocalDate deadline) {
    }

    /** One submission of the week. {@code progress} is the unit's free text (untrusted). */
    public record SubmissionLine(String taskId, String taskTitle, String unitId, String unitName,
                                 Instant submittedAt, LocalDate submittedOn, ProgressStatus status, int percent,
                                 String progress) {
    }

    /**
     * The status of a pair moved during the week.
     *
     * @param from the status at the start of the week; null when the pair had not reported before
     */
    public record StatusChange(String taskId, String taskTitle, String unitId, String unitName,
                               @Nullable ProgressStatus from, ProgressStatus to) {
        public String fromLabel() {
            return from == null ? "未填报" : from.label();
        }
    }

    /** A pair reported 已完成 this week. */
    public record Completion(String taskId, String taskTitle, String unitId, String unitName, LocalDate on) {
    }

    /** A unit with open tasks it did not report on this week (催报名单). */
    public record MissingReport(String unitId, String unitName, List<TaskRef> tasks) {
        public MissingReport {
            tasks = List.copyOf(tasks);
        }
    }

    /** A red pair with every reason for its light. */
    public record RedItem(String taskId, String taskTitle, String unitId, String unitName, List<String> reasons) {
        public RedItem {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A deadline or milestone in the next 30 days of a task not yet done by every unit.
     *
     * @param what      "完成时限" or the milestone's description
     * @param openUnits names of the responsible units that have not reported 已完成
     */
    public record UpcomingDeadline(String taskId, String taskTitle, LocalDate due, String what, long daysLeft,
                                   List<String> openUnits) {
        public UpcomingDeadline {
            openUnits = List.copyOf(openUnits);
        }
    }

    /**
     * A quantitative target of one pair.
     *
     * @param expected pro-rata expectation as of the summary date: minimum × elapsed share of the plan period
     * @param gap      expected − reported: positive is a shortfall, zero or negative is on track
     */
    public record TargetProgress(String taskId, String taskTitle, String unitId, String unitName, String metric,
                                 String measure, BigDecimal minimum, BigDecimal reported, BigDecimal expected,
                                 BigDecimal gap) {
        public boolean behind() {
            return gap.signum() > 0;
        }
    }

    /**
     * Completion of a group of pairs (a section, a field, a unit).
     *
     * @param averagePercent mean of the pairs' percents, 已完成 counting 100 and never-reported 0
     */
    public record CompletionGroup(String key, String label, int pairs, int donePairs, int averagePercent) {
    }

    /** A unit's own pair in its digest: status, light and reasons. */
    public record PairStatusLine(String taskId, String taskTitle, LocalDate deadline, @Nullable ProgressStatus status,
                                 @Nullable Integer percent, Light light, List<String> reasons) {
        public PairStatusLine {
            reasons = List.copyOf(reasons);
        }

        public String statusLabel() {
            return status == null ? "未填报" : status.label();
        }
    }

    /** The headline counts, by task (a task is as bad as its worst unit, done when every unit is done). */
    public record Headline(int tasks, int green, int yellow, int red, int completed, int overdue,
                           int dueWithin30Days) {
    }

    /** A unit's latest report still unreviewed after the configured number of working days (coordinators). */
    public record UnreviewedReport(String taskId, String taskTitle, String unitName, LocalDate submittedOn,
                                   int workingDays) {
    }

    /** A coordinator's instruction (督办意见) issued in the week, for the unit's digest. */
    public record InstructionLine(String taskId, String taskTitle, String text, LocalDate issuedOn) {
    }
}
