package cn.lyg.xilian.core.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One progress report of one unit on one task. Append-only: never changed once stored.
 *
 * @param idempotencyKey chosen by the client (the form embeds one); unique per unit
 * @param figures        reported value per target id ("t1" …) of the task's targets that bind the unit
 * @param submittedAt    server time when first accepted; orders submissions of a (task, unit)
 */
@Serdeable
public record Submission(int planYear, String taskId, String unitId, String idempotencyKey,
                         ProgressStatus status, int percent, Map<String, BigDecimal> figures,
                         String progress, @Nullable String problems, @Nullable String nextSteps,
                         @Nullable String reporter, @Nullable String phone, Instant submittedAt) {
    public Submission {
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(figures));
    }

    /** Orders two submissions of the same (task, unit): later time wins, the key breaks ties. */
    public boolean isNewerThan(Submission other) {
        int c = submittedAt.compareTo(other.submittedAt);
        return c > 0 || (c == 0 && idempotencyKey.compareTo(other.idempotencyKey) > 0);
    }
}
