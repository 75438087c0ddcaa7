package cn.lyg.xilian.web.http;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a Thymeleaf page to a string response. Done explicitly instead of returning ModelAndView: the views
 * filter does not run for responses built by exception handlers, and an explicit body behaves the same on Netty
 * and behind the Lambda proxy. Escaping is Thymeleaf's th:text; no template uses th:utext.
 */
@Singleton
public class Pages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    private final ThymeleafViewsRenderer<Object> renderer;

    public Pages(ThymeleafViewsRenderer<Object> renderer) {
        this.renderer = renderer;
    }

    public MutableHttpResponse<String> render(HttpStatus status, String view, Map<String, Object> model,
                                              HttpRequest<?> request) {
        // Every page of a signed-in request gets the session's CSRF token (the header's sign-out form needs it).
        request.getAttribute(Authenticator.SIGNED_IN, Authenticator.SignedIn.class)
                .ifPresent(s -> model.putIfAbsent("csrf", s.csrfToken()));
        Writable writable = renderer.render(view, model, request);
        StringWriter out = new StringWriter();
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).contentType(HTML).body(out.toString());
    }

    public MutableHttpResponse<String> ok(String view, Map<String, Object> model, HttpRequest<?> request) {
        return render(HttpStatus.OK, view, model, request);
    }
}
