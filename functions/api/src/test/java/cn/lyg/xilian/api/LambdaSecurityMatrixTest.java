package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.dynamodb.TableDefinition;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import cn.lyg.xilian.testkit.security.SecurityMatrix;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standing security suite (testkit {@link SecurityMatrix}) through the API function's handler, with events
 * shaped as API Gateway HTTP API sends them (payload 2.0, testkit {@link HttpApiEvent}): cookies only in the
 * {@code cookies} array, {@code x-forwarded-proto: https}, urlencoded bodies base64-encoded; read and written by
 * the managed runtime's serializer.
 */
@ExtendWith(DynaliteExtension.class)
class LambdaSecurityMatrixTest extends SecurityMatrix {

    /** The builder's default domain: the API's own execute-api host. */
    static final String HOST = "abc123def4.execute-api.cn-north-1.amazonaws.com.cn";
    static ApiHandler handler;
    static ApplicationContext ctx;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        FunctionFixture function = FunctionFixture.start(dynalite.endpoint(), "api-matrix",
                Map.of("xilian.web.submissions-per-minute", SUBMISSIONS_PER_MINUTE));
        ctx = function.ctx();
        handler = function.handler();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @Override
    protected Reply send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        // The shared builder shapes the event as API Gateway does (cookies array, lower-case headers, https,
        // base64 form bodies); the managed runtime's serializer reads it and writes the answer back.
        HttpApiResponse r = FunctionFixture.invoke(handler,
                FunctionFixture.event(method, pathAndQuery, headers, body, "text/plain"));
        Map<String, String> out = new LinkedHashMap<>(r.headers());
        if (!r.setCookies().isEmpty()) {
            out.put("set-cookie", String.join(",", r.setCookies()));
        }
        return new Reply(r.status(), out, r.text());
    }

    @Override
    protected String issue(String role, String unitId) {
        return ctx.getBean(Credentials.class).issue(Role.valueOf(role), unitId, Duration.ofDays(7)).token();
    }

    @Override
    protected String origin() {
        return "https://" + HOST;
    }

    @Override
    protected void corruptStoredStatus(String taskId, String unitId, String idempotencyKey) {
        String table = ctx.getProperty("xilian.dynamodb.table", String.class).orElseThrow();
        ctx.getBean(DynamoDbClient.class).updateItem(b -> b.tableName(table)
                .key(Map.of(TableDefinition.PK, AttributeValue.fromS(Keys.taskHistoryPk(2026, taskId)),
                        TableDefinition.SK, AttributeValue.fromS(Keys.submissionSk(unitId, idempotencyKey))))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(CORRUPT_STATUS))));
    }
}
