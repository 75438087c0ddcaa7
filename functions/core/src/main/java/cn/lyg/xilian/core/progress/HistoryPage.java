package cn.lyg.xilian.core.progress;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
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

    /** The position after the last item shown: the next page holds strictly older submissions. */
    public record Cursor(Instant submittedAt, String idempotencyKey) {

        public static Cursor after(Submission s) {
            return new Cursor(s.submittedAt(), s.idempotencyKey());
        }

        /** True when {@code s} comes after this position in newest-first order. */
        public boolean isBefore(Submission s) {
            int byTime = s.submittedAt().compareTo(submittedAt);
            return byTime < 0 || (byTime == 0 && s.idempotencyKey().compareTo(idempotencyKey) < 0);
        }
    }
}
