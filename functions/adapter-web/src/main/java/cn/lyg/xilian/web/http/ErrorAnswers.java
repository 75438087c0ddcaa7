package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The answers Micronaut gives by itself — no route, a method or media type the route does not take, an argument it
 * cannot bind, a request Netty cannot decode (headers over the limit), an unexpected exception — in our usual shape:
 * a stable code with a Chinese message, JSON under /api and a Chinese page elsewhere ({@link ApiExceptionHandler}).
 * The framework's own text (exception messages, class names, "Internal Server Error: …") never reaches the client;
 * Micronaut has already logged an unexpected exception with its stack trace (RouteExecutor, ERROR) when this runs.
 *
 * <p>Replaces Micronaut's default processor (which is {@code @Requires(missingBeans = ErrorResponseProcessor.class)}).
 * Netty's decoding failures are answered without running the server filters, so the security headers are set
 * here as well.
 */
@Singleton
public class ErrorAnswers implements ErrorResponseProcessor<Object> {

    private final ApiExceptionHandler errors;
    // A provider: this processor is built with the server, before a local run on a random port knows its address
    // (cn.lyg.xilian.local.LocalLinks); the settings are read at the first error answered.
    private final BeanProvider<WebSettings> settings;

    public ErrorAnswers(ApiExceptionHandler errors, BeanProvider<WebSettings> settings) {
        this.errors = errors;
        this.settings = settings;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        if (request.getMethod() != HttpMethod.HEAD) {
            fill(request, response);
        }
        SecurityHeadersFilter.apply(request, response, settings.get());
        return (MutableHttpResponse<Object>) response;
    }

    /** Gives {@code response} the body (and content type) of our error for its status; the status stays. */
    @SuppressWarnings("unchecked")
    void fill(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpResponse<?> ours = errors.respond(request, forStatus(response.code()));
        MutableHttpResponse<Object> target = (MutableHttpResponse<Object>) response;
        target.body(ours.body());
        ours.getContentType().ifPresent(target::contentType);
    }

    /** Our code and Chinese message for a status the framework chose. */
    static ApiException forStatus(int code) {
        HttpStatus status = HttpStatus.valueOf(code);
        return switch (code) {
            case 400 -> new ApiException(status, "BAD_REQUEST", "请求格式不正确，请检查后重试");
            case 403 -> new ApiException(status, "CROSS_SITE_REQUEST",
                    "请求来源不明：只能在本系统的页面上提交或访问。请回到本系统页面重试");
            case 404 -> new ApiException(status, "NOT_FOUND", "请求的地址不存在，请检查链接是否完整");
            case 405 -> new ApiException(status, "METHOD_NOT_ALLOWED", "该地址不支持这种请求方式");
            case 406 -> new ApiException(status, "NOT_ACCEPTABLE", "无法按请求的格式作答");
            case 413 -> new ApiException(status, "REQUEST_TOO_LARGE", "请求过大：网址、请求头或内容超出了限制");
            case 415 -> new ApiException(status, "UNSUPPORTED_MEDIA_TYPE", "不支持该内容类型");
            case 503 -> new ApiException(status, "SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后重试");
            default -> code >= 500
                    ? new ApiException(HttpStatus.valueOf(code), "INTERNAL_ERROR", "系统内部错误，请稍后重试或联系管理员。")
                    : new ApiException(HttpStatus.valueOf(code), "REQUEST_REFUSED", "无法完成该请求");
        };
    }
}
