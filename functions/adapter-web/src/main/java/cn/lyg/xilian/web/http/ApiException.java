package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.progress.FieldError;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A request that cannot be served, with a stable code and a Chinese message. Rendered as JSON under
 * /api and as an HTML page elsewhere by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> fields;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(HttpStatus status, String code, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    /** 422 with every field error; the first one's code is the answer's, so one mistake shows its exact code. */
    public static ApiException invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, first.code(), first.message(), errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }
}
