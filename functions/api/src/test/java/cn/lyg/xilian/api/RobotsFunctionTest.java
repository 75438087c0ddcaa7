package cn.lyg.xilian.api;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.bearer;
import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.field;
import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.form;
import static cn.lyg.xilian.api.SupervisionLoopFunctionTest.fromOurPage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 群机器人 through the API Lambda handler with API Gateway (payload 2.0) events (issue 26): a coordinator sets a robot
 * by the JSON API and by the page's form; a retry is one change; the answer, the pages and the stored item never hold
 * the webhook's token or the secret; a stale version is 409; bad input 422 in Chinese; a unit is refused.
 */
@ExtendWith(DynaliteExtension.class)
class RobotsFunctionTest {

    private static final String TOKEN = "5e1c0ffee0ddba11feed";
    private static final String WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN;
    private static final String SECRET = "SECfunctiontestsecret0001";

    static ApplicationContext ctx;
    static ApiHandler handler;
    static String coordinatorToken;
    static String unitToken;
    static String coordinator;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        Path key = Files.createTempDirectory("robots-function").resolve("chat-sealing.key");
        FunctionFixture function = FunctionFixture.start(dynalite.endpoint(), "robots",
                Map.of("xilian.chat.local-key-file", key.toString()));
        ctx = function.ctx();
        handler = function.handler();
        Credentials credentials = ctx.getBean(Credentials.class);
        coordinatorToken = credentials.issue(Role.COORDINATOR, null, Duration.ofDays(7)).token();
        unitToken = credentials.issue(Role.UNIT, "guanyun", Duration.ofDays(7)).token();
        coordinator = signIn(coordinatorToken);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @AfterAll
    static void everyAwsCallIsDeclared() throws Exception {
        FunctionFixture.assertEveryAwsCallDeclared();
    }

    @Test
    void aRobotSetByTheJsonApiIsShownMaskedAndARetryIsOneChange() {
        String body = "{\"vendor\":\"DINGTALK\",\"webhookUrl\":\"" + WEBHOOK + "\",\"secret\":\"" + SECRET
                + "\",\"version\":0}";
        HttpApiResponse first = call(bearer(HttpApiEvent.request("PUT", "/api/v1/admin/robots/coordinators"),
                coordinatorToken).header("Idempotency-Key", "robot-put-0001").json(body));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.text()).contains("\"maskedWebhook\":\"https://oapi.dingtalk.com/robot/send?…\"")
                .contains("\"signed\":true").contains("\"version\":1").doesNotContain(TOKEN).doesNotContain(SECRET);
        HttpApiResponse retry = call(bearer(HttpApiEvent.request("PUT", "/api/v1/admin/robots/coordinators"),
                coordinatorToken).header("Idempotency-Key", "robot-put-0001").json(body));
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(retry.text()).contains("\"replayed\":true").contains("\"version\":1");

        HttpApiResponse stale = call(bearer(HttpApiEvent.request("PUT", "/api/v1/admin/robots/coordinators"),
                coordinatorToken).header("Idempotency-Key", "robot-put-0002").json(body.replace("DINGTALK", "FEISHU")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains("ROBOT_CHANGED_MEANWHILE").contains("已被他人修改");

        HttpApiResponse list = call(bearer(HttpApiEvent.get("/api/v1/admin/robots"), coordinatorToken));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("\"audience\":\"coordinators\"").contains("\"vendor\":\"DINGTALK\"")
                .contains("\"audience\":\"unit:guanyun\"").doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(call(bearer(HttpApiEvent.get("/api/v1/admin/robots/unit:nosuch"), coordinatorToken)).status())
                .isEqualTo(404);

        Map<String, AttributeValue> item = stored("CHAT#coordinators");
        assertThat(item.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(item.get("sealedWebhook").s()).startsWith("local:v1:");
        assertThat(ctx.getBean(AuditLog.class).month(ctx.getBean(AuditTrail.class).currentMonth()))
                .filteredOn(e -> e.action() == AuditAction.ROBOT_SAVED && e.target().equals("coordinators")).hasSize(1)
                .allSatisfy(e -> assertThat(e.after()).contains("钉钉").doesNotContain(TOKEN));

        HttpApiResponse removed = call(bearer(HttpApiEvent.request("DELETE", "/api/v1/admin/robots/coordinators?version=1"),
                coordinatorToken).header("Idempotency-Key", "robot-del-0001"));
        assertThat(removed.status()).as(removed.text()).isEqualTo(201);
        assertThat(stored("CHAT#coordinators")).isEmpty();
    }

    @Test
    void theFormSetsAUnitsRobotAndBadInputComesBackWithoutTheSecret() {
        String html = call(HttpApiEvent.get("/admin/robots/unit:guanyun").cookieHeader(coordinator)).text();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", field(html, "_csrf"));
        f.put("idempotencyKey", field(html, "idempotencyKey"));
        f.put("version", "0");
        f.put("vendor", "WECOM");
        f.put("webhookUrl", "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + TOKEN);
        f.put("secret", SECRET);
        HttpApiResponse invalid = call(fromOurPage(HttpApiEvent.post("/admin/robots/unit:guanyun")
                .cookieHeader(coordinator)).form(form(f)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text()).contains("Webhook 地址应以 https:// 开头").contains("aria-invalid=\"true\"")
                .doesNotContain(SECRET);
        f.put("webhookUrl", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + TOKEN);
        HttpApiResponse saved = call(fromOurPage(HttpApiEvent.post("/admin/robots/unit:guanyun")
                .cookieHeader(coordinator)).form(form(f)));
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
        HttpApiResponse page = call(HttpApiEvent.get("/admin/robots/unit:guanyun?done=robot-saved")
                .cookieHeader(coordinator));
        assertThat(page.text()).contains("群机器人已保存").contains("企业微信")
                .contains("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…").doesNotContain(TOKEN)
                .doesNotContain(SECRET);

        String unit = signIn(unitToken);
        assertThat(call(HttpApiEvent.get("/admin/robots").cookieHeader(unit)).status()).isEqualTo(403);
        assertThat(call(bearer(HttpApiEvent.request("PUT", "/api/v1/admin/robots/unit:guanyun"), unitToken)
                .header("Idempotency-Key", "robot-put-unit1").json("{\"vendor\":\"WECOM\",\"webhookUrl\":\"https://e.example/x\",\"version\":1}"))
                .status()).isEqualTo(403);
    }

    private static Map<String, AttributeValue> stored(String sk) {
        return ctx.getBean(DynamoDbClient.class).getItem(b -> b.tableName(ctx.getBean(DynamoDbSettings.class)
                .tableName()).key(Map.of("pk", AttributeValue.fromS("DIR"), "sk", AttributeValue.fromS(sk)))
                .consistentRead(true)).item();
    }

    static HttpApiResponse call(HttpApiEvent e) {
        return FunctionFixture.invoke(handler, e);
    }

    static String signIn(String token) {
        HttpApiResponse login = call(fromOurPage(HttpApiEvent.post("/login")).form("token=" + token));
        assertThat(login.status()).as(login.text()).isEqualTo(303);
        return login.cookies().stream().filter(c -> !c.contains("Max-Age=0")).findFirst().orElseThrow().split(";", 2)[0];
    }
}
