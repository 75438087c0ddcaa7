package cn.lyg.xilian.core.progress;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One page of a (task, unit) history, newest first, and where the next (older) page starts.
 *
 * @param next null on the last page
 */
public record HistoryPage(List<Submission> items, @Nullable Cursor next) {

    /** Largest page a caller may ask for; pages stay bounded however long the history grows. */
    public static final int MAX_SIZE = 50;
    public static final int DEFAULT_SIZE = 10;

    public HistoryPage {
        items = List.copyOf(items);
    }

    /** Newest first: time, then idempotency key, then unit (a total order over a task's history). */
    public static final Comparator<Submission> NEWEST_FIRST = Comparator.comparing(Submission::submittedAt)
            .thenComparing(Submission::idempotencyKey).thenComparing(Submission::unitId).reversed();

    /** The position after the last item shown: the next page holds what sorts after it (older). */
    public record Cursor(Instant submittedAt, String idempotencyKey, String unitId) {

        public static Cursor after(Submission s) {
            return new Cursor(s.submittedAt(), s.idempotencyKey(), s.unitId());
        }

        /** True when {@code s} comes after this position in newest-first order. */
        public boolean isBefore(Submission s) {
            int c = s.submittedAt().compareTo(submittedAt);
            if (c == 0) {
                c = s.idempotencyKey().compareTo(idempotencyKey);
            }
            if (c == 0) {
                c = s.unitId().compareTo(unitId);
            }
            return c < 0;
        }
    }
}
