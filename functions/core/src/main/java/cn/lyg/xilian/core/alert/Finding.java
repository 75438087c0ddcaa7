package cn.lyg.xilian.core.alert;

import java.time.LocalDate;

/**
 * One alert that should produce a notification. Findings are de-duplicated by {@link #key()}:
 * (year, task, unit, rule, occurrence). The occurrence names the threshold or repeat period, so the
 * same reminder found again on a later run (or by a retry of the same run) is recognised:
 * <ul>
 *   <li>{@code lead-7}, {@code milestone-2026-06-30-lead-3}: a 临近 reminder N days before the
 *       deadline or a milestone; a reminder moved by quiet days keeps its key;</li>
 *   <li>{@code overdue-1}, {@code overdue-2} …, {@code milestone-2026-06-30-overdue-1}: the n-th
 *       repeat period of an overdue item;</li>
 *   <li>{@code behind-2026-11-23}: 滞后 in the week starting on that Monday (at most weekly);</li>
 *   <li>{@code unreported-since-2026-10-12-1}: the n-th silent period after the last submission (or
 *       after the plan's issue date);</li>
 *   <li>{@code projected-late-2026-12-31}: 预计逾期 against that (possibly extended) deadline, once;</li>
 *   <li>{@code submission-<idempotency key>}: an event-driven 受阻/滞后 report.</li>
 * </ul>
 *
 * @param reason why, in Chinese, e.g. "距截止还有7天，进度40%"
 * @param foundOn the Asia/Shanghai date the finding was made on
 */
public record Finding(int planYear, String taskId, String unitId, Rule rule, Light light, String occurrence,
                      String reason, LocalDate foundOn) {

    /** The de-duplication key: the same alert is sent once. */
    public String key() {
        return planYear + "|" + taskId + "|" + unitId + "|" + rule.name() + "|" + occurrence;
    }
}
