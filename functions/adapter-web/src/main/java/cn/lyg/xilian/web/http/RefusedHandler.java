package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.view.Refused;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A read the core refused: its status here, its code and message as the core gave them, in the usual shape. */
@Produces
@Singleton
@Requires(classes = {Refused.class, ExceptionHandler.class})
public class RefusedHandler implements ExceptionHandler<Refused, HttpResponse<?>> {

    private final ApiExceptionHandler errors;

    public RefusedHandler(ApiExceptionHandler errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refused e) {
        return errors.respond(request, translate(e));
    }

    public static ApiException translate(Refused e) {
        HttpStatus status = switch (e.reason()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return new ApiException(status, e.code(), e.getMessage());
    }
}
