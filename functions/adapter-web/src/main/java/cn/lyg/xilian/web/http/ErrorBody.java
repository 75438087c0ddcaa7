package cn.lyg.xilian.web.http;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The JSON error shape: {@code {"code": "PERCENT_OUT_OF_RANGE", "message": "…", "fields": {"percent": {…}}}}.
 * {@code fields} maps a field name to its code and message; empty when the error is not about a field.
 */
@Serdeable
public record ErrorBody(String code, String message, Map<String, FieldMessage> fields) {

    @Serdeable
    public record FieldMessage(String code, String message) {
    }
}
