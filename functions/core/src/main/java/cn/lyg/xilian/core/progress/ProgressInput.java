package cn.lyg.xilian.core.progress;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A progress report as typed by the user, every value still a string: the form and the JSON API both
 * produce one, so both get exactly the same validation and the same messages.
 *
 * @param figures    raw value per target id; absent or blank = not reported
 * @param readErrors what the transport could not read as values (e.g. a JSON object where a text belongs):
 *                   such a report is refused with these errors alone, after the task and access checks
 */
public record ProgressInput(@Nullable String status, @Nullable String percent, Map<String, String> figures,
                            @Nullable String progress, @Nullable String problems, @Nullable String nextSteps,
                            @Nullable String reporter, @Nullable String phone, @Nullable String idempotencyKey,
                            List<FieldError> readErrors) {
    public ProgressInput {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
        readErrors = readErrors == null ? List.of() : List.copyOf(readErrors);
    }

    public ProgressInput(@Nullable String status, @Nullable String percent, Map<String, String> figures,
                         @Nullable String progress, @Nullable String problems, @Nullable String nextSteps,
                         @Nullable String reporter, @Nullable String phone, @Nullable String idempotencyKey) {
        this(status, percent, figures, progress, problems, nextSteps, reporter, phone, idempotencyKey, List.of());
    }
}
