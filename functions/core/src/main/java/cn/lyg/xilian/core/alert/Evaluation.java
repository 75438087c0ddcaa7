package cn.lyg.xilian.core.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result of evaluating a plan as of a date.
 *
 * @param sendingDay  false on a quiet day (weekend or holiday with quiet days on): {@code due} is empty
 * @param assessments one per (task, unit) pair, in plan order
 * @param taskLights  task id → worst light of its units, in plan order
 * @param due         the findings that should produce a notification on this day (before de-duplication)
 */
public record Evaluation(LocalDate asOf, boolean sendingDay, List<Assessment> assessments,
                         Map<String, Light> taskLights, List<Finding> due) {
    public Evaluation {
        assessments = List.copyOf(assessments);
        taskLights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taskLights));
        due = List.copyOf(due);
    }

    /** The assessments by pair (a pair without one is green: {@link PairAssessments}). */
    public PairAssessments assessmentsByPair() {
        return new PairAssessments(assessments);
    }
}
