package cn.lyg.xilian.core.alert;

import java.util.Comparator;
import java.util.List;

/**
 * Tunables of the alert rules. All day counts are calendar days in Asia/Shanghai.
 *
 * @param leadDays             days before a deadline or milestone on which a 临近 reminder is sent
 * @param overdueCadenceDays   an overdue item is repeated every this many days until reported done
 * @param behindMarginPoints   a unit is 滞后 when it trails the pro-rata expectation by more than
 *                             this many percentage points
 * @param unreportedDays       a unit is 未报 after this many days without a submission
 * @param quietDays            when true, nothing is sent on weekends and public holidays; what was
 *                             due then goes out on the next working day
 * @param behindRedWindowDays  滞后 turns red when the deadline is at most this many days away
 * @param returnedGraceDays    a report sent back (退回) still counts for this many days; afterwards, until the
 *                             unit reports again, the pair is treated as 未报
 */
public record AlertSettings(List<Integer> leadDays, int overdueCadenceDays, int behindMarginPoints,
                            int unreportedDays, boolean quietDays, int behindRedWindowDays, int returnedGraceDays) {

    /** The default grace for a returned report: three days to correct it. */
    public static final int DEFAULT_RETURNED_GRACE_DAYS = 3;

    public AlertSettings(List<Integer> leadDays, int overdueCadenceDays, int behindMarginPoints,
                         int unreportedDays, boolean quietDays, int behindRedWindowDays) {
        this(leadDays, overdueCadenceDays, behindMarginPoints, unreportedDays, quietDays, behindRedWindowDays,
                DEFAULT_RETURNED_GRACE_DAYS);
    }

    public AlertSettings {
        if (leadDays.isEmpty() || leadDays.stream().anyMatch(d -> d == null || d < 1)) {
            throw new IllegalArgumentException("lead days must be positive: " + leadDays);
        }
        if (overdueCadenceDays < 1 || unreportedDays < 1 || behindMarginPoints < 0 || behindRedWindowDays < 0
                || returnedGraceDays < 0) {
            throw new IllegalArgumentException("invalid alert settings");
        }
        // Descending, without duplicates: the widest window first.
        leadDays = leadDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** The defaults of the issue: 30/14/7/3/1 days, weekly, 10 points, 14 days, quiet days on, 14 days. */
    public static AlertSettings defaults() {
        return new AlertSettings(List.of(30, 14, 7, 3, 1), 7, 10, 14, true, 14);
    }

    /** The 临近 window: the largest lead time. */
    public int leadWindowDays() {
        return leadDays.getFirst();
    }

    public AlertSettings withQuietDays(boolean on) {
        return new AlertSettings(leadDays, overdueCadenceDays, behindMarginPoints, unreportedDays, on,
                behindRedWindowDays, returnedGraceDays);
    }
}
