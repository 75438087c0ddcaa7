package cn.lyg.xilian.runtime;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.ConfigureRobots.RobotInput;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.dynamodb.DynamoAuditLog;
import cn.lyg.xilian.dynamodb.DynamoDirectory;
import cn.lyg.xilian.testkit.chat.RobotStub;
import cn.lyg.xilian.wiring.LocalKeySealer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: the daily scan's jar in the Lambda runtime posts to the coordinators' group robot (a 钉钉 stub with 加签,
 * which checks the signature) beside its emails, with the robot stored as a coordinator stores it (群机器人:
 * {@link ConfigureRobots} over the DynamoDB directory, sealed with the local key file the function is given too).
 */
class AlertScanChatRuntimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "0".repeat(64),
            "c-0123456789", null);

    private final RobotStub.Dingtalk coordinators = new RobotStub.Dingtalk("fgw-token", "SECfgw-runtime-secret");
    private final RuntimeFixture fixture = new RuntimeFixture("runtime-chat");
    @TempDir
    Path data;

    @AfterEach
    void close() {
        coordinators.close();
        fixture.stage.close();
    }

    @Test
    void theDailyScanPostsToTheCoordinatorsRobotOnceBesideItsEmails() throws Exception {
        Path keyFile = data.resolve("chat-sealing.key");
        ConfigureRobots configure = new ConfigureRobots(
                new UnitDirectory(new DynamoDirectory(fixture.stage.client(), fixture.stage.settings()),
                        UnitRegistry.load(), unitId -> List.of()),
                new DynamoDirectory(fixture.stage.client(), fixture.stage.settings()), LocalKeySealer.of(keyFile),
                new DynamoAuditLog(fixture.stage.client(), fixture.stage.settings()), Clock.systemUTC());
        assertThat(configure.save(COORDINATOR, "coordinators", 0, new RobotInput("DINGTALK", coordinators.webhook(),
                "SECfgw-runtime-secret"), "runtime-chat-robot-1")).isInstanceOf(Outcome.Done.class);
        assertThat(fixture.stage.client().getItem(b -> b.tableName(fixture.table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("DIR"), "sk", AttributeValue.fromS("CHAT#coordinators"))))
                .item().toString()).as("stored sealed").contains("DINGTALK").doesNotContain("fgw-token", "SECfgw");

        // No KMS key: the function opens the robot with the same key file, as the local run does.
        FunctionSpec spec = fixture.function("AlertScanFunction")
                .withEnvironment(Map.of("CHAT_KMS_KEY_ID", "", "XILIAN_CHAT_LOCAL_KEY_FILE", keyFile.toString()));
        String base = spec.environment().get("PUBLIC_BASE_URL");
        assertThat(base).startsWith("https://");
        String input = RuntimeFixture.TEMPLATE.events("AlertScanFunction", "ScheduleV2").values().stream()
                .map(p -> String.valueOf(p.get("Input"))).findFirst().orElseThrow();

        try (LambdaEmulator scan = fixture.start(spec, "AlertScanFunction-chat")) {
            JsonNode first = run(scan, input);
            // A quiet day (weekend, holiday) sends nothing; then the operator's re-run for the last day that sends.
            LocalDate day = LocalDate.now(SHANGHAI);
            for (int back = 0; back < 14 && first.path("delivered").isEmpty(); back++) {
                assertThat(coordinators.requests()).as("nothing posted on a quiet day").isZero();
                day = day.minusDays(1);
                input = "{\"asOf\":\"" + day + "\"}";
                first = run(scan, input);
            }
            assertThat(first.path("delivered").findValuesAsText("audience")).contains("coordinators");
            List<Path> emails = fixture.emails("AlertScanFunction");
            assertThat(emails).as("the emails as before").isNotEmpty()
                    .anySatisfy(eml -> assertThat(Files.readString(eml)).contains("To: coordinator@example.cn"));
            assertThat(first.path("chatSent").asInt()).isEqualTo(1);
            assertThat(first.path("chatNotSent").isEmpty()).as(first.toString()).isTrue();
            assertThat(coordinators.received()).as("signed as 钉钉 checks it").singleElement().satisfies(m -> {
                assertThat(m.title()).isNotBlank();
                assertThat(m.markdown()).as("an absolute link").contains(base + "/");
            });

            JsonNode second = run(scan, input);

            assertThat(second.path("chatSent").asInt()).isZero();
            assertThat(second.path("chatNotSent").isEmpty()).as(second.toString()).isTrue();
            assertThat(coordinators.requests()).as("nothing posted again").isEqualTo(1);
            assertThat(fixture.emails("AlertScanFunction")).as("no email again").containsExactlyElementsOf(emails);
        }
    }

    private static JsonNode run(LambdaEmulator scan, String input) throws Exception {
        Invocation result = scan.invoke(input);
        assertThat(result.functionError()).as(result.response()).isFalse();
        return JSON.readTree(result.response());
    }
}
