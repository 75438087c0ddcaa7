package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.progress.IdempotencyKey;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

/**
 * The JSON API carries the idempotency key in a header. Its format is {@code IdempotencyKey}'s (core); a bad
 * one is a bad request (400), named by the header a client sets, not by a form field.
 */
public final class IdempotencyHeader {

    public static final String NAME = "Idempotency-Key";

    private IdempotencyHeader() {
    }

    /** The request's key, checked first (the supervision writes; a progress report's is checked by SubmitProgress). */
    public static String require(HttpRequest<?> request) {
        String key = request.getHeaders().get(NAME);
        if (!IdempotencyKey.isValid(key)) {
            throw invalid();
        }
        return key;
    }

    public static ApiException invalid() {
        return new ApiException(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID",
                "请求头 Idempotency-Key 必填，须为8到64位的字母、数字、下划线或连字符");
    }
}
