package cn.lyg.xilian.core.progress;

import io.micronaut.serde.annotation.Serdeable;

/** One invalid field: a stable code for programs and a Chinese message for people. */
@Serdeable
public record FieldError(String field, String code, String message) {
}
