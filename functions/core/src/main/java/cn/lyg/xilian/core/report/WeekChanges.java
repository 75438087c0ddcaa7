package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.Lines.Completion;
import cn.lyg.xilian.core.report.Lines.StatusChange;
import cn.lyg.xilian.core.report.Lines.SubmissionLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What changed during the week: its reports, status changes, completions, and each pair's status when the week
 * ended (next week's baseline). See {@link WeeklySummaryBuilder} for what a change is with and without a baseline.
 */
final class WeekChanges {

    private WeekChanges() {
    }

    static List<SubmissionLine> submissionLines(Week w, Predicate<Submission> which) {
        return w.submissions.stream().filter(which).map(s -> new SubmissionLine(s.taskId(),
                w.taskTitle(s.taskId()), s.unitId(), w.unitName(s.unitId()), s.submittedAt(),
                s.submittedAt().atZone(PlanTime.ZONE).toLocalDate(), s.status(), s.percent(),
                s.progress() == null ? "" : s.progress())).toList();
    }

    static List<StatusChange> statusChanges(Week w) {
        List<StatusChange> changes = new ArrayList<>();
        for (WeekPair p : w.pairs) {
            if (!p.reportedThisWeek()) {
                continue;
            }
            ProgressStatus from = w.baseline != null
                    ? w.baseline.statusOf(p.task().id(), p.unitId()).orElse(null)
                    : p.ofWeek().getFirst().status();
            ProgressStatus to = p.ofWeek().getLast().status();
            if (from != to) {
                changes.add(new StatusChange(p.task().id(), p.task().title(), p.unitId(), p.unitName(), from, to));
            }
        }
        return changes;
    }

    static List<Completion> completions(Week w) {
        List<Completion> done = new ArrayList<>();
        for (WeekPair p : w.pairs) {
            if (!p.reportedThisWeek() || p.ofWeek().getLast().status() != ProgressStatus.DONE) {
                continue;
            }
            boolean doneBefore = w.baseline != null
                    && w.baseline.statusOf(p.task().id(), p.unitId()).orElse(null) == ProgressStatus.DONE;
            if (!doneBefore) {
                done.add(new Completion(p.task().id(), p.task().title(), p.unitId(), p.unitName(),
                        p.ofWeek().getLast().submittedAt().atZone(PlanTime.ZONE).toLocalDate()));
            }
        }
        return done;
    }

    /**
     * The status of each pair when the week ended. A pair whose only newer report came after the week (Monday
     * before sending) keeps its start-of-week status; without a baseline its current status stands in for it — the
     * one approximation, and it only shifts which week a change is shown in.
     */
    static StatusSnapshot endOfWeekStatuses(Week w) {
        Map<String, ProgressStatus> statuses = new TreeMap<>();
        for (WeekPair p : w.pairs) {
            ProgressStatus status;
            if (p.reportedThisWeek()) {
                status = p.ofWeek().getLast().status();
            } else if (p.latest() == null) {
                status = null;
            } else if (p.latest().submittedAt().isBefore(w.week.end()) || w.baseline == null) {
                status = p.latest().status();
            } else {
                status = w.baseline.statusOf(p.task().id(), p.unitId()).orElse(null);
            }
            if (status != null) {
                statuses.put(PairKey.of(p.task().id(), p.unitId()), status);
            }
        }
        return new StatusSnapshot(statuses);
    }
}
