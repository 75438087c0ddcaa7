package cn.lyg.xilian.web.http;

import cn.lyg.xilian.html.EscapedHtml;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Renders a page (src/main/jte, compiled to Java at build time) to a string response. Done explicitly instead of
 * returning a view name: exception handlers render pages too, and an explicit body behaves the same on Netty and
 * behind the Lambda proxy. Every {@code ${…}} is escaped by {@link EscapedHtml}; no template writes raw text.
 */
@Singleton
public class Pages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    /** Loads the generated template classes only: nothing is parsed or compiled at run time. */
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public MutableHttpResponse<String> render(HttpStatus status, String view, Map<String, Object> model,
                                              HttpRequest<?> request) {
        // Every page of a signed-in request gets the session's CSRF token (the header's sign-out form needs it).
        request.getAttribute(Authenticator.SIGNED_IN, Authenticator.SignedIn.class)
                .ifPresent(s -> model.putIfAbsent("csrf", s.csrfToken()));
        EscapedHtml out = new EscapedHtml();
        engine.render(view + ".jte", model, out);
        return HttpResponse.<String>status(status).contentType(HTML).body(out.toString());
    }

    public MutableHttpResponse<String> ok(String view, Map<String, Object> model, HttpRequest<?> request) {
        return render(HttpStatus.OK, view, model, request);
    }
}
