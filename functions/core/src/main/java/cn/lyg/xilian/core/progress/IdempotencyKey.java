package cn.lyg.xilian.core.progress;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/**
 * The client-chosen key that makes a write safe to retry (a report, a review, an extension request): its one
 * format, checked by the use cases. Safe in a URL path and a storage key as it is.
 */
public final class IdempotencyKey {

    /** The format, as a regular expression (the JSON API's OpenAPI document states it too). */
    public static final String FORMAT = "[A-Za-z0-9_-]{8,64}";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    /** The field error of a missing or malformed key, the same for every use case. */
    public static final FieldError INVALID = new FieldError("idempotencyKey", "IDEMPOTENCY_KEY_INVALID",
            "幂等键须为8到64位的字母、数字、下划线或连字符");

    private IdempotencyKey() {
    }

    public static boolean isValid(@Nullable String key) {
        return key != null && PATTERN.matcher(key).matches();
    }
}
