package cn.lyg.xilian.core.progress;

/** One invalid field: a stable code for programs and a Chinese message for people. */
public record FieldError(String field, String code, String message) {
}
