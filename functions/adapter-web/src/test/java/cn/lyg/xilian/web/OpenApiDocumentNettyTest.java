package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.testkit.openapi.ApiDocumentContract;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The OpenAPI document (testkit {@link ApiDocumentContract}) against the API through Netty on a real socket. */
class OpenApiDocumentNettyTest extends ApiDocumentContract {

    @RegisterExtension
    static final TestApp app = TestApp.running();

    @Override
    protected Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = Http.send(b.build());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    @Override
    protected Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        app.ctx.getBean(Router.class).uriRoutes().forEach(r -> routes.add(r.getHttpMethodName() + " "
                + r.getUriMatchTemplate().toPathString()));
        return routes;
    }

    @Override
    protected String issue(String role, String unitId) {
        return app.issue(Role.valueOf(role), unitId);
    }
}
