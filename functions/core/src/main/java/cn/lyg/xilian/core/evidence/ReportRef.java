package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.IdempotencyKey;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One report of one unit on one task: the folder its evidence files live in. Every part is matched against its
 * grammar when the reference is made, so a {@code ReportRef} can only name a place inside the evidence store.
 */
public record ReportRef(int year, String taskId, String unitId, String reportKey) {

    private static final Pattern YEAR = Pattern.compile("20[0-9]{2}");

    public ReportRef {
        if (!YEAR.matcher(String.valueOf(year)).matches() || !PlanTask.validId(taskId) || !Unit.validId(unitId)
                || !IdempotencyKey.isValid(reportKey)) {
            throw new IllegalArgumentException("not a report reference: " + year + "/" + taskId + "/" + unitId
                    + "/" + reportKey);
        }
    }

    /** The reference, if every part matches its grammar; nothing is trimmed, decoded or normalised. */
    public static Optional<ReportRef> of(int year, String taskId, String unitId, String reportKey) {
        if (!YEAR.matcher(String.valueOf(year)).matches() || !PlanTask.validId(taskId) || !Unit.validId(unitId)
                || !IdempotencyKey.isValid(reportKey)) {
            return Optional.empty();
        }
        return Optional.of(new ReportRef(year, taskId, unitId, reportKey));
    }

    /** As {@link #of(int, String, String, String)}, the year given as text (a key or path segment). */
    static Optional<ReportRef> of(String year, String taskId, String unitId, String reportKey) {
        return YEAR.matcher(year).matches() ? of(Integer.parseInt(year), taskId, unitId, reportKey) : Optional.empty();
    }
}
