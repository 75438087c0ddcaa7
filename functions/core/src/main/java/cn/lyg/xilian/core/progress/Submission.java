package cn.lyg.xilian.core.progress;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One progress report of one unit on one task. Append-only: never changed once stored.
 *
 * @param idempotencyKey chosen by the client (the form embeds one); unique per unit
 * @param figures        reported value per target id ("t1" …) of the task's targets that bind the unit
 * @param submittedAt    server time when first accepted; orders submissions of a (task, unit)
 */
public record Submission(int planYear, String taskId, String unitId, String idempotencyKey,
                         ProgressStatus status, int percent, Map<String, BigDecimal> figures,
                         String progress, @Nullable String problems, @Nullable String nextSteps,
                         @Nullable String reporter, @Nullable String phone, Instant submittedAt) {
    public Submission {
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(figures));
    }

    /**
     * Whether a retry under the same idempotency key carries the same report as this stored one, so it is
     * answered as a replay (else the key was reused for another report). {@code submittedAt} is left out: it
     * is the server time of each attempt, and a retry comes later by nature. Figures compare by value (8
     * equals 8.0).
     */
    public boolean sameReport(Submission retried) {
        return planYear == retried.planYear
                && taskId.equals(retried.taskId)
                && unitId.equals(retried.unitId)
                && idempotencyKey.equals(retried.idempotencyKey)
                && status == retried.status
                && percent == retried.percent
                && sameFigures(figures, retried.figures)
                && Objects.equals(progress, retried.progress)
                && Objects.equals(problems, retried.problems)
                && Objects.equals(nextSteps, retried.nextSteps)
                && Objects.equals(reporter, retried.reporter)
                && Objects.equals(phone, retried.phone);
    }

    private static boolean sameFigures(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    /** Orders two submissions of the same (task, unit): later time wins, the key breaks ties. */
    public boolean isNewerThan(Submission other) {
        int c = submittedAt.compareTo(other.submittedAt);
        return c > 0 || (c == 0 && idempotencyKey.compareTo(other.idempotencyKey) > 0);
    }
}
