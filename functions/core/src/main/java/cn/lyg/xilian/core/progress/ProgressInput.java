package cn.lyg.xilian.core.progress;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * A progress report as typed by the user, every value still a string: the form and the JSON API both
 * produce one, so both get exactly the same validation and the same messages.
 *
 * @param figures raw value per target id; absent or blank = not reported
 */
public record ProgressInput(@Nullable String status, @Nullable String percent, Map<String, String> figures,
                            @Nullable String progress, @Nullable String problems, @Nullable String nextSteps,
                            @Nullable String reporter, @Nullable String phone, @Nullable String idempotencyKey) {
    public ProgressInput {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }
}
