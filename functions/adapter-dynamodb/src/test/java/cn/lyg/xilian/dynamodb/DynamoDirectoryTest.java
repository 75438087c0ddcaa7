package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.DirectoryContacts;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory partition and the audit trail against dynalite: conditions, marks, retries, stored attributes. */
@ExtendWith(DynaliteExtension.class)
class DynamoDirectoryTest {

    @RegisterExtension
    static final TestTable table = TestTable.perClass();

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00.123Z");

    private DynamoDirectory directory() {
        return new DynamoDirectory(table.client, table.settings);
    }

    private Map<String, AttributeValue> raw(String pk, String sk) {
        return table.client.getItem(b -> b.tableName(table.settings.tableName())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                .consistentRead(true)).item();
    }

    @Test
    void theSeedStoresTheRegistryOnceAndNeverOverwritesAnEdit() {
        DynamoDirectory store = directory();
        UnitRegistry registry = UnitRegistry.load();
        String guanyun = registry.resolve("灌云县").orElseThrow().id();
        UnitDirectory units = new UnitDirectory(store, registry,
                DirectoryContacts.seedFrom(Map.of(guanyun, List.of(" GY@Example.cn ", "not an address"))));

        assertThat(units.seed()).isEqualTo(registry.units().size());
        assertThat(units.seed()).isZero();
        UnitProfile seeded = store.unit(guanyun).orElseThrow();
        assertThat(seeded.version()).isEqualTo(1);
        assertThat(seeded.contacts()).containsExactly("gy@example.cn");

        UnitProfile edited = seeded.edited(List.of("gy@example.cn", "new@example.cn"), "张三", "0518-1234567",
                seeded.aliases(), T0);
        assertThat(store.update(edited)).isInstanceOf(Write.Stored.class);
        assertThat(units.seed()).isZero();
        assertThat(units.unit(guanyun).orElseThrow().contacts()).containsExactly("gy@example.cn", "new@example.cn");
        assertThat(store.read().units()).hasSize(registry.units().size());
    }

    @Test
    void anEditFromAStaleVersionIsToldWhatIsStoredAndChangesNothing() {
        DynamoDirectory store = directory();
        UnitProfile first = profile("edit-race", List.of("a@example.cn"));
        assertThat(store.create(first)).isInstanceOf(Write.Stored.class);
        UnitProfile mine = first.edited(List.of("mine@example.cn"), "李四", null, List.of(), T0);
        UnitProfile theirs = first.edited(List.of("theirs@example.cn"), null, null, List.of(), T0);

        assertThat(store.update(mine)).isInstanceOf(Write.Stored.class);
        Write<UnitProfile> late = store.update(theirs);

        assertThat(late).isInstanceOf(Write.Taken.class);
        assertThat(late.value().contacts()).containsExactly("mine@example.cn");
        assertThat(late.value().version()).isEqualTo(2);
        assertThat(store.create(first)).isInstanceOf(Write.Taken.class);
    }

    @Test
    void aFirstEditOfAnUnstoredSeedCreatesItAndAClearedLiaisonIsRemoved() {
        DynamoDirectory store = directory();
        UnitProfile seed = new UnitProfile("first-edit", "首次编辑单位", cn.lyg.xilian.core.catalog.UnitKind.PARK,
                List.of(), List.of(), null, null, true, 0, null, null, List.of(), null);
        UnitProfile v1 = seed.edited(List.of("a@example.cn"), "王五", "12345", List.of("首编"), T0);
        assertThat(store.update(v1)).isInstanceOf(Write.Stored.class);
        assertThat(store.update(v1)).as("a retry of the first edit").isInstanceOf(Write.Taken.class);

        UnitProfile v2 = store.unit("first-edit").orElseThrow().edited(List.of("a@example.cn"), null, null,
                List.of(), T0.plusSeconds(60));
        assertThat(store.update(v2)).isInstanceOf(Write.Stored.class);
        Map<String, AttributeValue> item = raw(Keys.DIRECTORY, Keys.directoryUnitSk("first-edit"));
        assertThat(item).doesNotContainKeys("liaisonName", "liaisonPhone", "ttl");
        assertThat(item.get("version").n()).isEqualTo("2");
        assertThat(item.get("aliases").l()).isEmpty();
    }

    @Test
    void marksAreSetOnStoredProfilesOnlyAndAnEditKeepsThem() {
        DynamoDirectory store = directory();
        store.create(profile("marked", List.of("m@example.cn")));
        store.markLinkSent("marked", T0, List.of("m@example.cn"));
        store.markSignedIn("marked", T0);
        store.markSignedIn("marked", T0.plusSeconds(1800));
        assertThat(store.unit("marked").orElseThrow().lastSignInAt()).isEqualTo(T0);
        store.markSignedIn("marked", T0.plusSeconds(3601));
        assertThat(store.unit("marked").orElseThrow().lastSignInAt()).isEqualTo(T0.plusSeconds(3601));

        UnitProfile stored = store.unit("marked").orElseThrow();
        // an edit made from a profile read before the marks leaves them as they are
        UnitProfile staleRead = profile("marked", List.of("m@example.cn"));
        assertThat(store.update(staleRead.edited(List.of("n@example.cn"), null, null, List.of(), T0)))
                .isInstanceOf(Write.Stored.class);
        UnitProfile after = store.unit("marked").orElseThrow();
        assertThat(after.linkSentAt()).isEqualTo(T0);
        assertThat(after.linkSentTo()).containsExactly("m@example.cn");
        assertThat(after.lastSignInAt()).isEqualTo(stored.lastSignInAt());
        assertThat(after.contacts()).containsExactly("n@example.cn");

        store.markLinkSent("nobody", T0, List.of("x@example.cn"));
        store.markSignedIn("nobody", T0);
        assertThat(store.unit("nobody")).isEmpty();
    }

    @Test
    void aRemovedCoordinatorStaysOnRecordWithTheFirstRemovalTime() {
        DynamoDirectory store = directory();
        CoordinatorAccount zhang = new CoordinatorAccount("c-0123456789", "张三", "zhang@example.cn", true, T0, null);
        CoordinatorAccount li = new CoordinatorAccount("c-abcdefabcd", "李四", "li@example.cn", true, T0, null);
        assertThat(store.create(zhang)).isInstanceOf(Write.Stored.class);
        assertThat(store.create(li)).isInstanceOf(Write.Stored.class);
        assertThat(store.create(zhang.removed(T0))).isInstanceOf(Write.Taken.class)
                .extracting(Write::value).isEqualTo(zhang);

        store.remove("c-abcdefabcd", T0.plusSeconds(10));
        store.remove("c-abcdefabcd", T0.plusSeconds(20));
        store.remove("c-ffffffffff", T0);

        assertThat(store.read().coordinators()).containsExactly(zhang, li.removed(T0.plusSeconds(10)));
    }

    @Test
    void theTrailRecordsAnEntryOnceInItsShanghaiMonthNewestFirstWithoutTtl() {
        DynamoAuditLog log = new DynamoAuditLog(table.client, table.settings);
        // 2026-11-30T17:00Z is 1 December in Asia/Shanghai
        AuditEntry december = new AuditEntry("e1", Instant.parse("2026-11-30T17:00:00Z"),
                new Actor(Actor.Kind.COORDINATOR, "c-0123456789"), AuditAction.UNIT_EDITED, "unit:guanyun",
                "联系人邮箱：（无）", "联系人邮箱：<a@example.cn>", "203.0.113.9", "Mozilla/5.0 \"x\"");
        AuditEntry later = new AuditEntry("e2", Instant.parse("2026-12-02T01:00:00Z"), Actor.OPERATOR,
                AuditAction.COORDINATOR_ADDED, "coordinator:c-0123456789", null, "张三（zhang@example.cn）", null, null);
        AuditEntry november = new AuditEntry("e3", Instant.parse("2026-11-30T15:59:59Z"), Actor.SYSTEM,
                AuditAction.LINK_SENT, "unit:guanyun", null, "发送至 a@example.cn", null, null);

        assertThat(log.record(december)).isTrue();
        assertThat(log.record(later)).isTrue();
        assertThat(log.record(november)).isTrue();
        assertThat(log.record(new AuditEntry("e1", T0, Actor.SYSTEM, AuditAction.UNIT_ADDED, "unit:x", null, "other",
                null, null))).as("a retry").isFalse();

        assertThat(log.month(YearMonth.of(2026, 12))).containsExactly(later, december);
        assertThat(log.month(YearMonth.of(2026, 11))).containsExactly(november);
        assertThat(raw("AUDIT#2026-12", "e1")).doesNotContainKey(TableDefinition.TTL)
                .containsEntry("action", AttributeValue.fromS("UNIT_EDITED"));
    }

    @Test
    void aCoordinatorsCredentialKeepsItsAccountAndALinkRequestItsSender() {
        var credentials = new DynamoCredentialRepository(table.client, table.settings);
        credentials.create(new Credential("c0ffee", Role.COORDINATOR, null, T0, T0.plusSeconds(86400), null,
                "c-0123456789"));
        assertThat(credentials.find("c0ffee").orElseThrow().accountId()).isEqualTo("c-0123456789");
        assertThat(credentials.find("c0ffee").orElseThrow().principal().accountId()).isEqualTo("c-0123456789");

        var requests = new DynamoLinkRequestRepository(table.client, table.settings);
        requests.record(new LinkRequest("admin-1", "guanyun", null, T0, "c-0123456789"), T0.plusSeconds(86400));
        assertThat(requests.find("admin-1").orElseThrow().request().requestedBy()).isEqualTo("c-0123456789");
    }

    private static UnitProfile profile(String id, List<String> contacts) {
        return new UnitProfile(id, "单位" + id, cn.lyg.xilian.core.catalog.UnitKind.CITY_DEPARTMENT, List.of(),
                contacts, null, null, true, 1, T0, null, List.of(), null);
    }
}
