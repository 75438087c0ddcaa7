package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.report.Lines.PairStatusLine;
import cn.lyg.xilian.core.report.Lines.SubmissionLine;
import cn.lyg.xilian.core.report.Lines.TaskRef;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;

import java.time.LocalDate;
import java.util.List;

/**
 * One unit's weekly digest: its own tasks only.
 *
 * @param reported    its submissions of the week, oldest first
 * @param pairs       every task of the unit with status, light and reasons, in plan order
 * @param dueNext     deadlines and milestones of its open tasks in the next 30 days
 * @param notReported its open tasks without a submission this week
 * @param instructions the coordinators' instructions (督办意见) to it issued this week
 */
public record UnitDigest(int planYear, String planTitle, ReportWeek week, LocalDate asOf, String unitId,
                         String unitName, List<SubmissionLine> reported, List<PairStatusLine> pairs,
                         List<UpcomingDeadline> dueNext, List<TaskRef> notReported,
                         List<Lines.InstructionLine> instructions) {

    public UnitDigest(int planYear, String planTitle, ReportWeek week, LocalDate asOf, String unitId,
                      String unitName, List<SubmissionLine> reported, List<PairStatusLine> pairs,
                      List<UpcomingDeadline> dueNext, List<TaskRef> notReported) {
        this(planYear, planTitle, week, asOf, unitId, unitName, reported, pairs, dueNext, notReported, List.of());
    }

    public UnitDigest {
        reported = List.copyOf(reported);
        pairs = List.copyOf(pairs);
        dueNext = List.copyOf(dueNext);
        notReported = List.copyOf(notReported);
        instructions = List.copyOf(instructions);
    }

    /**
     * The no-empty-digest rule: a unit gets a digest only when there is something to act on — an open
     * task without this week's report, a deadline or milestone in the next 30 days, or a task that is
     * not green (overdue, behind, silent, blocked). What the unit reported itself is not news to it, so
     * reports alone do not make a digest.
     */
    public boolean hasSomethingToSay() {
        return !notReported.isEmpty() || !dueNext.isEmpty() || !instructions.isEmpty() || pairs.stream().anyMatch(p -> p.light() != Light.GREEN);
    }
}
