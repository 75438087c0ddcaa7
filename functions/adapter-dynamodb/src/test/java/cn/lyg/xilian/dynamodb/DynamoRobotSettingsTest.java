package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.ConfigureRobots.RobotInput;
import cn.lyg.xilian.core.admin.DirectoryContacts;
import cn.lyg.xilian.core.admin.DirectoryRobots;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.core.chat.AesGcmSealer;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 26: the group robots' settings in the directory partition, sealed, versioned, read with the directory. */
@ExtendWith(DynaliteExtension.class)
class DynamoRobotSettingsTest {

    @RegisterExtension
    static final TestTable table = TestTable.perClass();

    static final String WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=5e1c0ffee0ddba11";
    static final String SECRET = "SEC0123456789abcdef";
    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00.123Z"), ZoneOffset.UTC);
    final AesGcmSealer sealer = new AesGcmSealer(AesGcmSealer.newKey());
    final Principal coordinator = new Principal(Role.COORDINATOR, null, "c".repeat(64), "c-0000000001", null);

    private Map<String, AttributeValue> raw(String sk) {
        return table.client.getItem(b -> b.tableName(table.settings.tableName())
                .key(Map.of("pk", AttributeValue.fromS("DIR"), "sk", AttributeValue.fromS(sk)))
                .consistentRead(true)).item();
    }

    @Test
    void aRobotIsStoredSealedReadWithTheDirectoryAndOpensForTheJobs() {
        DynamoDirectory store = new DynamoDirectory(table.client, table.settings);
        UnitDirectory units = new UnitDirectory(store, UnitRegistry.load(), DirectoryContacts.seedFrom(Map.of()));
        units.seed();
        String unit = UnitRegistry.load().units().getFirst().id();
        DynamoAuditLog audit = new DynamoAuditLog(table.client, table.settings);
        ConfigureRobots robots = new ConfigureRobots(units, store, sealer, audit, clock);

        assertThat(robots.save(coordinator, "unit:" + unit, 0, new RobotInput("DINGTALK", WEBHOOK, SECRET),
                "robot-key-0001")).isInstanceOf(Outcome.Done.class);
        assertThat(robots.save(coordinator, "coordinators", 0, new RobotInput("WECOM",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0ddba11-c0ffee", null), "robot-key-0002"))
                .isInstanceOf(Outcome.Done.class);

        Map<String, AttributeValue> item = raw("CHAT#unit:" + unit);
        assertThat(item.get("type").s()).isEqualTo("CHAT");
        assertThat(item.get("vendor").s()).isEqualTo("DINGTALK");
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("maskedWebhook").s()).isEqualTo("https://oapi.dingtalk.com/robot/send?…");
        assertThat(item.get("updatedBy").s()).isEqualTo("c-0000000001");
        assertThat(item.get("sealedWebhook").s()).startsWith(AesGcmSealer.PREFIX);
        assertThat(item.toString()).as("no plain token or secret in the stored item")
                .doesNotContain("5e1c0ffee0ddba11").doesNotContain(SECRET).doesNotContain("access_token");
        assertThat(raw("CHAT#coordinators")).doesNotContainKey("sealedSecret");

        // one Query: the units and both robots
        var contents = store.read();
        assertThat(contents.units()).hasSize(UnitRegistry.load().units().size());
        assertThat(contents.robots()).extracting(r -> r.audience().key())
                .containsExactly("coordinators", "unit:" + unit);

        DirectoryRobots jobs = new DirectoryRobots(new DirectoryContacts(units, List.of(), List.of()), sealer);
        jobs.refresh();
        assertThat(jobs.robotOf(Audience.unit(unit))).contains(new ChatRobot(ChatVendor.DINGTALK, WEBHOOK, SECRET));
        assertThat(jobs.robotOf(Audience.COORDINATORS).orElseThrow().secret()).isNull();

        List<AuditEntry> trail = audit.month(YearMonth.of(2026, 12));
        assertThat(trail).extracting(AuditEntry::action).containsOnly(AuditAction.ROBOT_SAVED).hasSize(2);
        assertThat(trail.toString()).doesNotContain("5e1c0ffee0ddba11").doesNotContain(SECRET);
    }

    @Test
    void aChangeFromAStaleVersionIsToldWhatIsStoredAndChangesNothing() {
        DynamoDirectory store = new DynamoDirectory(table.client, table.settings);
        Audience audience = Audience.unit("stale-test");
        RobotSetting first = new RobotSetting(audience, ChatVendor.WECOM, sealer.seal("https://a.example/x?key=1",
                RobotSetting.webhookContext(audience)), null, "https://a.example/x?…", 1, clock.instant(), "c-1");
        assertThat(store.save(first)).isInstanceOf(Write.Stored.class);
        assertThat(store.save(first)).as("a second version 1").isInstanceOf(Write.Taken.class);
        RobotSetting second = new RobotSetting(audience, ChatVendor.FEISHU, first.sealedWebhook(), null,
                first.maskedWebhook(), 2, clock.instant(), "c-2");
        assertThat(store.save(second)).isInstanceOf(Write.Stored.class);
        RobotSetting staleThird = new RobotSetting(audience, ChatVendor.DINGTALK, first.sealedWebhook(), null,
                first.maskedWebhook(), 2, clock.instant(), "c-3");
        Write<Optional<RobotSetting>> refused = store.save(staleThird);
        assertThat(refused).isInstanceOf(Write.Taken.class);
        assertThat(refused.value().orElseThrow().vendor()).isEqualTo(ChatVendor.FEISHU);
        assertThat(store.delete(audience, 1)).as("a removal from version 1").map(RobotSetting::version).contains(2L);
        assertThat(store.robot(audience)).isPresent();
        assertThat(store.delete(audience, 2)).isEmpty();
        assertThat(store.robot(audience)).isEmpty();
        assertThat(store.delete(audience, 2)).as("nothing stored: nothing to do").isEmpty();
    }
}
