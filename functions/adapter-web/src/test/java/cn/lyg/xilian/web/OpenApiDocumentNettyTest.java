package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.testkit.openapi.ApiDocumentContract;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * The document's annotations are compile time only: micronaut-openapi makes them source-only for Micronaut, so no
     * route's metadata, built at every start, carries them (annotations of our own holding them would be kept).
     */
    @Test
    void theRoutesMetadataCarriesNoneOfTheDocument() {
        List<String> carried = new ArrayList<>();
        int routes = 0;
        for (BeanDefinition<?> controller : app.ctx.getBeanDefinitions(Qualifiers.byStereotype(Controller.class))) {
            String name = controller.getBeanType().getSimpleName();
            swagger(controller, name, carried);
            for (ExecutableMethod<?, ?> route : controller.getExecutableMethods()) {
                routes++;
                swagger(route, name + "." + route.getName(), carried);
                for (var argument : route.getArguments()) {
                    swagger(argument.getAnnotationMetadata(), name + "." + route.getName() + "(" + argument + ")",
                            carried);
                }
            }
        }
        assertThat(routes).isGreaterThan(20);
        assertThat(carried).isEmpty();
    }

    private static void swagger(AnnotationMetadata metadata, String where, List<String> carried) {
        Stream.concat(metadata.getAnnotationNames().stream(), metadata.getStereotypeAnnotationNames().stream())
                .filter(n -> n.startsWith("io.swagger")).forEach(n -> carried.add(where + ": " + n));
    }

    @Override
    protected String issue(String role, String unitId) {
        return app.issue(Role.valueOf(role), unitId);
    }
}
