package cn.lyg.xilian.core.progress;

import java.util.List;

/** What {@link SubmitProgress} did. Only {@link Stored} wrote anything. */
public sealed interface SubmitOutcome {

    record Stored(Submission submission) implements SubmitOutcome {
    }

    /** The idempotency key was used before with the same content: the original, nothing new stored. */
    record Replayed(Submission submission) implements SubmitOutcome {
    }

    /** The idempotency key was used before with different content: nothing stored. */
    record KeyReused(Submission original) implements SubmitOutcome {
    }

    record Invalid(List<FieldError> errors) implements SubmitOutcome {
    }

    record UnknownTask(String taskId) implements SubmitOutcome {
    }

    record NotResponsible(String taskId) implements SubmitOutcome {
    }
}
