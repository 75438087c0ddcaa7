package cn.lyg.xilian.core.progress;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A progress report as typed by the user, every value still a string: the form and the JSON API both
 * produce one, so both get exactly the same validation and the same messages.
 *
 * <p>The record's component names are the fields' names on the wire: the form's inputs and the JSON body's keys; both
 * transports read a report through {@link #read}, so neither transport's reader changes when a field is added.
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

    /**
     * A report read field by field, by name ("status", "percent", "progress", …); {@code readErrors} may still be
     * filled by {@code field} while the fields are read.
     */
    public static ProgressInput read(Function<String, String> field, Map<String, String> figures,
                                     @Nullable String idempotencyKey, List<FieldError> readErrors) {
        return new ProgressInput(field.apply("status"), field.apply("percent"), figures, field.apply("progress"),
                field.apply("problems"), field.apply("nextSteps"), field.apply("reporter"), field.apply("phone"),
                idempotencyKey, readErrors);
    }
}
