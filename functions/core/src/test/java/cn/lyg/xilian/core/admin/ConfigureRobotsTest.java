package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.core.chat.AesGcmSealer;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 26: coordinators configure each group's robot; the URL and the secret are stored sealed and never shown. */
class ConfigureRobotsTest {

    static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    static final String DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=9f8e7d6c5b4a";
    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
    final MemoryDirectory store = new MemoryDirectory();
    final AdministerTest.MemoryAudit audit = new AdministerTest.MemoryAudit();
    final UnitDirectory directory = new UnitDirectory(store, new UnitRegistry(List.of(
            new Unit("ganyu", "赣榆区", UnitKind.COUNTY, List.of()),
            new Unit("donghai", "东海县", UnitKind.COUNTY, List.of()))), DirectoryContacts.seedFrom(Map.of()));
    final AesGcmSealer sealer = new AesGcmSealer(AesGcmSealer.newKey());
    final ConfigureRobots robots = new ConfigureRobots(directory, store, sealer, audit, clock);
    final Principal coordinator = new Principal(Role.COORDINATOR, null, "c".repeat(64), "c-0000000001", null);
    final Principal unit = new Principal(Role.UNIT, "ganyu", "d".repeat(64));

    @Test
    void aSavedRobotIsStoredSealedAndOpensForTheJobs() {
        var done = (Outcome.Done<RobotSetting>) robots.save(coordinator, "unit:ganyu", 0,
                new ConfigureRobots.RobotInput("DINGTALK", " " + DINGTALK + " ", "SECsecret123"), "key-00000001");
        RobotSetting s = done.value();
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.maskedWebhook()).isEqualTo("https://oapi.dingtalk.com/robot/send?…");
        assertThat(s.sealedWebhook()).doesNotContain("9f8e7d6c5b4a").doesNotContain("dingtalk");
        assertThat(s.sealedSecret()).doesNotContain("SECsecret123");
        assertThat(s.updatedBy()).isEqualTo("c-0000000001");
        assertThat(s.open(sealer)).isEqualTo(new ChatRobot(ChatVendor.DINGTALK, DINGTALK, "SECsecret123"));
        AuditEntry entry = audit.entries.values().iterator().next();
        assertThat(entry.action()).isEqualTo(AuditAction.ROBOT_SAVED);
        assertThat(entry.target()).isEqualTo("unit:ganyu");
        assertThat(entry.after()).contains("钉钉", "?…", "已设置").doesNotContain("9f8e7d6c5b4a", "SECsecret123");

        // the jobs' view: one snapshot, opened
        DirectoryRobots jobs = new DirectoryRobots(new DirectoryContacts(directory, List.of(), List.of()), sealer);
        jobs.refresh();
        assertThat(jobs.robotOf(Audience.unit("ganyu"))).contains(new ChatRobot(ChatVendor.DINGTALK, DINGTALK,
                "SECsecret123"));
        assertThat(jobs.robotOf(Audience.unit("donghai"))).isEmpty();
        assertThat(jobs.robotOf(Audience.COORDINATORS)).isEmpty();
    }

    @Test
    void aBlankSecretKeepsTheStoredOneAndAStaleFormIsTold() {
        robots.save(coordinator, "coordinators", 0, new ConfigureRobots.RobotInput("FEISHU",
                "https://open.feishu.cn/open-apis/bot/v2/hook/2b6e7a3c-0f1d-4c39", "s3cret"), "key-00000001");
        var second = (Outcome.Done<RobotSetting>) robots.save(coordinator, "coordinators", 1,
                new ConfigureRobots.RobotInput("FEISHU", "https://open.feishu.cn/open-apis/bot/v2/hook/ffff0000-1111",
                        ""), "key-00000002");
        assertThat(second.value().version()).isEqualTo(2);
        assertThat(second.value().open(sealer).secret()).isEqualTo("s3cret");
        // a form filled from version 1 is now stale
        var stale = robots.save(coordinator, "coordinators", 1, new ConfigureRobots.RobotInput("WECOM", WECOM, null),
                "key-00000003");
        assertThat(stale).isInstanceOf(Outcome.Conflict.class);
        assertThat(((Outcome.Conflict<RobotSetting>) stale).message()).contains("已被他人修改");
        assertThat(store.robot(Audience.COORDINATORS).orElseThrow().vendor()).isEqualTo(ChatVendor.FEISHU);
        // removal from a stale version is refused too, then done from the right one
        assertThat(robots.remove(coordinator, "coordinators", 1, "key-00000004")).isInstanceOf(Outcome.Conflict.class);
        assertThat(robots.remove(coordinator, "coordinators", 2, "key-00000005")).isInstanceOf(Outcome.Done.class);
        assertThat(store.robot(Audience.COORDINATORS)).isEmpty();
        assertThat(robots.remove(coordinator, "coordinators", 2, "key-00000005"))
                .isEqualTo(new Outcome.Done<>(Audience.COORDINATORS, true));
    }

    @Test
    void badInputIsRefusedWithChineseErrorsAndNothingIsWritten() {
        var invalid = (Outcome.Invalid<RobotSetting>) robots.save(coordinator, "unit:ganyu", 0,
                new ConfigureRobots.RobotInput("QQ", "ftp://example.cn/x", "has space"), "key-00000001");
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("vendor", "webhookUrl", "secret");
        assertThat(((Outcome.Invalid<RobotSetting>) robots.save(coordinator, "unit:ganyu", 0,
                new ConfigureRobots.RobotInput("WECOM", "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", null),
                "key-00000002")).errors().getFirst().message()).contains("https");
        assertThat(robots.save(coordinator, "unit:ganyu", 0,
                new ConfigureRobots.RobotInput("WECOM", "http://127.0.0.1:8719/cgi-bin/webhook/send?key=x", null),
                "key-00000003")).isInstanceOf(Outcome.Done.class);
        assertThat(robots.save(coordinator, "unit:nosuch", 0, new ConfigureRobots.RobotInput("WECOM", WECOM, null),
                "key-00000004")).isInstanceOf(Outcome.NotFound.class);
        assertThat(robots.save(coordinator, "unit:../x", 0, new ConfigureRobots.RobotInput("WECOM", WECOM, null),
                "key-00000004")).isInstanceOf(Outcome.NotFound.class);
        assertThat(robots.save(unit, "unit:ganyu", 1, new ConfigureRobots.RobotInput("WECOM", WECOM, null),
                "key-00000005")).isInstanceOf(Outcome.Forbidden.class);
        assertThat(store.robots).hasSize(1);
    }

    @Test
    void aDeactivatedUnitHasNoRobotAndAnUnopenableOneGivesNone() {
        robots.save(coordinator, "unit:ganyu", 0, new ConfigureRobots.RobotInput("WECOM", WECOM, null), "key-00000001");
        robots.save(coordinator, "unit:donghai", 0, new ConfigureRobots.RobotInput("WECOM", WECOM, null), "key-00000002");
        UnitProfile ganyu = directory.unit("ganyu").orElseThrow();
        store.units.put("ganyu", ganyu.activated(false, clock.instant()));
        DirectoryRobots jobs = new DirectoryRobots(new DirectoryContacts(directory, List.of(), List.of()),
                new AesGcmSealer(AesGcmSealer.newKey()));
        assertThat(jobs.robotOf(Audience.unit("ganyu"))).isEmpty();
        assertThat(jobs.robotOf(Audience.unit("donghai"))).as("another key does not open it").isEmpty();
        DirectoryRobots right = new DirectoryRobots(new DirectoryContacts(directory, List.of(), List.of()), sealer);
        assertThat(right.robotOf(Audience.unit("donghai"))).isPresent();
        assertThat(robots.overview()).extracting(ConfigureRobots.Row::name).containsExactly(
                ConfigureRobots.COORDINATORS_GROUP, "赣榆区", "东海县");
    }
}
