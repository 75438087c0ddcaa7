package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Netty refuses bodies above micronaut.server.max-request-size before any controller runs; answer those in
 * our own shape too.
 */
@Produces
@Singleton
@Requires(classes = {ContentLengthExceededException.class, ExceptionHandler.class})
public class TooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private final WebSettings settings;
    private final ApiExceptionHandler errors;

    public TooLargeHandler(WebSettings settings, ApiExceptionHandler errors) {
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        return errors.respond(request, RequestBodies.tooLarge(settings.getMaxBodyBytes()));
    }
}
