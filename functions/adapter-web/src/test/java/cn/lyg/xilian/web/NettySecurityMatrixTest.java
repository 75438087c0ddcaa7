package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.testkit.security.SecurityMatrix;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The standing security suite (testkit {@link SecurityMatrix}) through Netty on a real socket. */
class NettySecurityMatrixTest extends SecurityMatrix {

    @RegisterExtension
    static final TestApp app = TestApp.running(Map.of("xilian.web.submissions-per-minute", 1000));

    @Override
    protected Reply send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(pathAndQuery))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = Http.send(b.build());
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        return new Reply(r.statusCode(), h, r.body());
    }

    @Override
    protected String issue(String role, String unitId) {
        return app.issue(Role.valueOf(role), unitId);
    }

    @Override
    protected String origin() {
        return app.url("");
    }
}
