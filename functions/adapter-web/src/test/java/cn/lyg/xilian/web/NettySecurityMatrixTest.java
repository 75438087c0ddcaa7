package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.dynamodb.TableDefinition;
import cn.lyg.xilian.testkit.security.SecurityMatrix;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The standing security suite (testkit {@link SecurityMatrix}) through Netty on a real socket. */
class NettySecurityMatrixTest extends SecurityMatrix {

    @RegisterExtension
    static final TestApp app = TestApp.running(Map.of("xilian.web.submissions-per-minute", SUBMISSIONS_PER_MINUTE));

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

    @Override
    protected void corruptStoredStatus(String taskId, String unitId, String idempotencyKey) {
        String table = app.ctx.getProperty("xilian.dynamodb.table", String.class).orElseThrow();
        app.ctx.getBean(DynamoDbClient.class).updateItem(b -> b.tableName(table)
                .key(Map.of(TableDefinition.PK, AttributeValue.fromS(Keys.taskHistoryPk(2026, taskId)),
                        TableDefinition.SK, AttributeValue.fromS(Keys.submissionSk(unitId, idempotencyKey))))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(CORRUPT_STATUS))));
    }
}
