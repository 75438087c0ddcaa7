package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * One (task, unit) pair of a summarised week, with everything known about it.
 *
 * @param latest   the pair's current latest report (may be newer than the week)
 * @param ofWeek   its reports accepted during the week, oldest first
 * @param deadline the pair's effective deadline (an approved extension, else the plan's)
 */
record WeekPair(PlanTask task, String unitId, String unitName, @Nullable Submission latest, List<Submission> ofWeek,
                Assessment assessment, LocalDate deadline) {

    boolean open() {
        return latest == null || latest.status() != ProgressStatus.DONE;
    }

    boolean reportedThisWeek() {
        return !ofWeek.isEmpty();
    }

    int percentForCompletion() {
        if (latest == null) {
            return 0;
        }
        return latest.status() == ProgressStatus.DONE ? 100 : Math.clamp(latest.percent(), 0, 100);
    }
}
