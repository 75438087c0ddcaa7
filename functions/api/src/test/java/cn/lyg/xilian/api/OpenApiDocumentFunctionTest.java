package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import cn.lyg.xilian.testkit.openapi.ApiDocumentContract;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI document (testkit {@link ApiDocumentContract}) against the API function's handler, with events shaped
 * as API Gateway HTTP API sends them (payload 2.0, testkit {@link HttpApiEvent}) and answers read as it reads them.
 */
@ExtendWith(DynaliteExtension.class)
class OpenApiDocumentFunctionTest extends ApiDocumentContract {

    static FunctionFixture function;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        function = FunctionFixture.start(dynalite.endpoint(), "api-openapi", Map.of());
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @Override
    protected Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpApiResponse r = FunctionFixture.invoke(function.handler(),
                FunctionFixture.event(method, path, headers, body, null));
        return new Reply(r.status(), r.header("content-type").orElse(null), r.text());
    }

    @Override
    protected Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        function.ctx().getBean(Router.class).uriRoutes().forEach(r -> routes.add(r.getHttpMethodName() + " "
                + r.getUriMatchTemplate().toPathString()));
        return routes;
    }

    @Override
    protected String issue(String role, String unitId) {
        return function.ctx().getBean(Credentials.class).issue(Role.valueOf(role), unitId, Duration.ofDays(7)).token();
    }
}
