package cn.lyg.xilian.core.progress;

import java.util.List;

/**
 * What {@link SubmitProgress} did: the one outcome of a report for both the form and the JSON API. Only
 * {@link Stored} wrote anything. The checks run in this order: task, responsibility, key, values.
 */
public sealed interface SubmitOutcome {

    record Stored(Submission submission) implements SubmitOutcome {
    }

    /** The idempotency key was used before with the same content: the original, nothing new stored. */
    record Replayed(Submission submission) implements SubmitOutcome {
    }

    /** The idempotency key was used before with different content: nothing stored. */
    record KeyReused(Submission original) implements SubmitOutcome {
    }

    /** The idempotency key is missing or malformed ({@link IdempotencyKey}): nothing stored. */
    record KeyInvalid(FieldError error) implements SubmitOutcome {
    }

    record Invalid(List<FieldError> errors) implements SubmitOutcome {
    }

    record UnknownTask(String taskId) implements SubmitOutcome {
    }

    record NotResponsible(String taskId) implements SubmitOutcome {
    }
}
