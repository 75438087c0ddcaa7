package cn.lyg.xilian.web.http;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The JSON error shape: {@code {"code": "PERCENT_OUT_OF_RANGE", "message": "…", "fields": {"percent": {…}}}}.
 * {@code fields} maps a field name to its code and message; empty when the error is not about a field. The
 * {@code @Schema} texts are the OpenAPI document's (web.api.ApiDocs).
 */
@Serdeable
@Schema(description = "错误")
public record ErrorBody(@Schema(description = "错误代码，稳定，供程序判断") String code,
                        @Schema(description = "中文说明，供人阅读") String message,
                        @Schema(description = "字段名 → 该字段的错误；错误与字段无关时不输出") Map<String, FieldMessage> fields) {

    @Serdeable
    @Schema(description = "一个字段的错误")
    public record FieldMessage(@Schema(description = "错误代码") String code,
                               @Schema(description = "中文说明") String message) {
    }
}
