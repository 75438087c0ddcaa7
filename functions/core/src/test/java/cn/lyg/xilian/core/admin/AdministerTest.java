package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.access.LinkRequestRepository;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: coordinators manage units, contacts, links and coordinator accounts; each action is on the trail once,
 * a retry writes nothing new, bad input writes nothing, units are refused.
 */
class AdministerTest {

    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MemoryDirectory store = new MemoryDirectory();
    final MemoryAudit audit = new MemoryAudit();
    final MemoryCredentials credentialStore = new MemoryCredentials();
    final Credentials credentials = new Credentials(credentialStore, clock, 2026);
    final MemoryRequests requests = new MemoryRequests();
    final List<LinkRequest> queued = new ArrayList<>();
    final UnitRegistry shipped = new UnitRegistry(List.of(
            new Unit("ganyu", "赣榆区", UnitKind.COUNTY, List.of()),
            new Unit("donghai", "东海县", UnitKind.COUNTY, List.of())));
    final UnitDirectory directory = new UnitDirectory(store, shipped,
            DirectoryContacts.seedFrom(Map.of("donghai", List.of("Seed@Donghai.example.cn"))));
    final InMemoryProgressRepository progress = new InMemoryProgressRepository();
    final Administer admin = new Administer(directory, store, credentials, credentialStore, requests, queued::add,
            progress, audit, clock);
    final Principal coordinator = new Principal(Role.COORDINATOR, null, "c".repeat(64), "c-0000000001",
            new Principal.Origin("203.0.113.9", "Mozilla/5.0 测试"));
    final Principal unit = new Principal(Role.UNIT, "donghai", "d".repeat(64));

    Administer.UnitInput contacts(String contacts) {
        return new Administer.UnitInput(null, null, null, "", contacts, "张三", "0518-85800000");
    }

    @Test
    void unseededUnitsAppearFromTheRegistryAndTheSeedNeverOverwritesAnEdit() {
        assertThat(directory.units()).extracting(UnitProfile::id).containsExactly("ganyu", "donghai");
        assertThat(directory.unit("donghai").orElseThrow().contacts()).containsExactly("seed@donghai.example.cn");
        assertThat(directory.unit("donghai").orElseThrow().version()).isZero();

        var edited = admin.editUnit(coordinator, "donghai", 0, contacts("a@donghai.example.cn\nb@donghai.example.cn"),
                "edit-key-0001");
        assertThat(edited).isInstanceOf(Outcome.Done.class);
        assertThat(directory.seed()).as("only ganyu was missing").isEqualTo(1);
        assertThat(directory.seed()).as("second seed").isZero();
        assertThat(store.units.get("donghai").contacts())
                .containsExactly("a@donghai.example.cn", "b@donghai.example.cn");
        assertThat(store.units.get("donghai").version()).isEqualTo(1);
    }

    @Test
    void aSeedStoredWithoutContactsTakesTheConfiguredOnesUntilACoordinatorEdits() {
        UnitDirectory unconfigured = new UnitDirectory(store, shipped, DirectoryContacts.seedFrom(Map.of()));
        assertThat(unconfigured.seed()).as("load-plan in a shell without the stack's contacts").isEqualTo(2);
        assertThat(store.units.get("donghai").contacts()).isEmpty();
        assertThat(directory.unit("donghai").orElseThrow().contacts()).as("the jobs' configured seed applies")
                .containsExactly("seed@donghai.example.cn");
        admin.editUnit(coordinator, "donghai", 1, contacts(""), "edit-key-0007");
        assertThat(directory.unit("donghai").orElseThrow().contacts()).as("an edit that removes every address is final")
                .isEmpty();
    }

    @Test
    void anEditIsOnTheTrailOnceWithBeforeAfterAndOriginAndARetryReplays() {
        var first = admin.editUnit(coordinator, "donghai", 0, contacts("new@donghai.example.cn"), "edit-key-0002");
        var again = admin.editUnit(coordinator, "donghai", 0, contacts("new@donghai.example.cn"), "edit-key-0002");
        assertThat(first).isEqualTo(new Outcome.Done<>(store.units.get("donghai"), false));
        assertThat(again).isEqualTo(new Outcome.Done<>(store.units.get("donghai"), true));
        assertThat(audit.entries).hasSize(1);
        AuditEntry e = audit.entries.values().iterator().next();
        assertThat(e.action()).isEqualTo(AuditAction.UNIT_EDITED);
        assertThat(e.actor().id()).isEqualTo("c-0000000001");
        assertThat(e.target()).isEqualTo("unit:donghai");
        assertThat(e.before()).contains("seed@donghai.example.cn");
        assertThat(e.after()).contains("new@donghai.example.cn").contains("张三");
        assertThat(e.ip()).isEqualTo("203.0.113.9");
        assertThat(e.userAgent()).isEqualTo("Mozilla/5.0 测试");
    }

    @Test
    void aStaleFormIsToldAndNothingIsLost() {
        admin.editUnit(coordinator, "donghai", 0, contacts("one@donghai.example.cn"), "edit-key-0003");
        var stale = admin.editUnit(coordinator, "donghai", 0, contacts("two@donghai.example.cn"), "edit-key-0004");
        assertThat(stale).isInstanceOf(Outcome.Conflict.class);
        assertThat(((Outcome.Conflict<?>) stale).message()).contains("已被他人修改").contains("one@donghai.example.cn");
        assertThat(store.units.get("donghai").contacts()).containsExactly("one@donghai.example.cn");
    }

    @Test
    void anAddressThatIsNotAnEmailIsRefusedWithAClearMessageAndNothingIsWritten() {
        for (String bad : List.of("张三", "a@b", "x@y.cn\r\nBcc: evil@example.cn", "<a@b.cn>", "a b@c.cn")) {
            var out = admin.editUnit(coordinator, "donghai", 0, contacts("ok@donghai.example.cn\n" + bad),
                    "edit-key-0005");
            assertThat(out).as(bad).isInstanceOf(Outcome.Invalid.class);
            assertThat(((Outcome.Invalid<?>) out).errors().getFirst().message()).contains("不是有效的邮箱地址");
        }
        assertThat(store.units).isEmpty();
        assertThat(audit.entries).isEmpty();
    }

    @Test
    void unitsAreRefusedEveryOperation() {
        List<Outcome<?>> outs = List.of(
                admin.addUnit(unit, new Administer.UnitInput("x", "某局", "CITY_DEPARTMENT", "", "", null, null), "k-000001"),
                admin.editUnit(unit, "donghai", 0, contacts("a@b.cn"), "k-000002"),
                admin.setActive(unit, TwoUnitPlan.PLAN, "donghai", false, 0, "k-000003"),
                admin.issueLink(unit, "donghai", "k-000004"),
                admin.rotateLink(unit, "donghai", "k-000005"),
                admin.revokeLink(unit, "e".repeat(64), "k-000006"),
                admin.sendLink(unit, "donghai", "k-000007"),
                admin.addCoordinator(unit, "李四", "li@example.cn", "k-000008"),
                admin.removeCoordinator(unit, "c-0000000001", "k-000009"));
        assertThat(outs).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Forbidden.class));
        assertThat(store.units).isEmpty();
        assertThat(credentialStore.items).isEmpty();
        assertThat(audit.entries).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void aNewUnitNeedsAFreshIdAndADistinctName() {
        var added = admin.addUnit(coordinator, new Administer.UnitInput("shi-zhujianju", "市住建局", "CITY_DEPARTMENT",
                "连云港市住房和城乡建设局", "zjj@lyg.example.cn", null, null), "add-key-0001");
        assertThat(added).isInstanceOf(Outcome.Done.class);
        assertThat(directory.registry().resolve("连云港市住房和城乡建设局")).map(Unit::id).contains("shi-zhujianju");
        assertThat(admin.addUnit(coordinator, new Administer.UnitInput("shi-zhujianju", "市住建局", "CITY_DEPARTMENT",
                "连云港市住房和城乡建设局", "zjj@lyg.example.cn", null, null), "add-key-0001")).as("retry").isEqualTo(new Outcome.Done<>(
                store.units.get("shi-zhujianju"), true));
        var reused = admin.addUnit(coordinator, new Administer.UnitInput("ganyu", "别的单位", "COUNTY", "", "", null,
                null), "add-key-0002");
        assertThat(reused).isInstanceOf(Outcome.Invalid.class);
        var sameName = admin.addUnit(coordinator, new Administer.UnitInput("donghai-2", "东海县", "COUNTY", "", "",
                null, null), "add-key-0003");
        assertThat(((Outcome.Invalid<?>) sameName).errors()).extracting(e -> e.code()).contains("NAME_TAKEN");
        var badId = admin.addUnit(coordinator, new Administer.UnitInput("../x", "甲", "COUNTY", "", "", null, null),
                "add-key-0004");
        assertThat(((Outcome.Invalid<?>) badId).errors()).extracting(e -> e.code()).contains("UNIT_ID_INVALID");
        // the form of a coordinator account's id: a link request naming it goes to that coordinator
        var accountLike = admin.addUnit(coordinator, new Administer.UnitInput("c-0123456789", "乙", "COUNTY", "", "",
                null, null), "add-key-0005");
        assertThat(((Outcome.Invalid<?>) accountLike).errors()).extracting(e -> e.code()).contains("UNIT_ID_INVALID");
        assertThat(store.units).containsOnlyKeys("shi-zhujianju");
    }

    @Test
    void aUnitWithOpenTasksCannotBeDeactivated() {
        var refused = admin.setActive(coordinator, TwoUnitPlan.PLAN, "donghai", false, 0, "act-key-0001");
        assertThat(refused).isInstanceOf(Outcome.Conflict.class);
        assertThat(((Outcome.Conflict<?>) refused).message()).contains("2 项未完成");
        admin.addUnit(coordinator, new Administer.UnitInput("shi-zhujianju", "市住建局", "CITY_DEPARTMENT", "", "", null,
                null), "add-key-0005");
        var done = admin.setActive(coordinator, TwoUnitPlan.PLAN, "shi-zhujianju", false, 1, "act-key-0002");
        assertThat(done).isInstanceOf(Outcome.Done.class);
        assertThat(store.units.get("shi-zhujianju").active()).isFalse();
        assertThat(admin.sendLink(coordinator, "shi-zhujianju", "send-key-0001")).isInstanceOf(Outcome.Conflict.class);
    }

    @Test
    void issuedLinksAreShownOnceRotatedLinksRetireTheOthersAndARevokedOneStops() {
        var issued = (Outcome.Done<Credentials.Issued>) admin.issueLink(coordinator, "donghai", "link-key-0001");
        assertThat(credentials.authenticate(issued.value().token())).isInstanceOf(
                cn.lyg.xilian.core.access.CredentialCheck.Valid.class);
        assertThat(admin.issueLink(coordinator, "donghai", "link-key-0001")).as("a retry cannot show it again")
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(credentialStore.items).hasSize(1);

        var rotated = (Outcome.Done<Credentials.Issued>) admin.rotateLink(coordinator, "donghai", "link-key-0002");
        Credential old = credentialStore.items.get(issued.value().credential().hash());
        assertThat(old.expiresAt()).isEqualTo(NOW.plus(Administer.ROTATION_GRACE));
        assertThat(LinkState.of(credentialStore.list("donghai"), NOW).label()).isEqualTo("有效");

        assertThat(admin.revokeLink(coordinator, rotated.value().credential().hash(), "rev-key-0001"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(credentials.authenticate(rotated.value().token())).isInstanceOf(
                cn.lyg.xilian.core.access.CredentialCheck.Revoked.class);
        assertThat(admin.revokeLink(coordinator, rotated.value().credential().hash(), "rev-key-0001"))
                .isEqualTo(new Outcome.Done<>(credentialStore.items.get(rotated.value().credential().hash()), true));
        assertThat(audit.entries.values()).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.LINK_ISSUED, AuditAction.LINK_ROTATED, AuditAction.LINK_REVOKED);
        assertThat(audit.entries.values()).noneMatch(e -> String.valueOf(e.after()).contains(issued.value().token()));
    }

    @Test
    void sendingALinkQueuesOneRequestPerFormAndNeedsAContact() {
        assertThat(admin.sendLink(coordinator, "ganyu", "send-key-0002")).as("no contact")
                .isInstanceOf(Outcome.Conflict.class);
        var sent = admin.sendLink(coordinator, "donghai", "send-key-0003");
        var retry = admin.sendLink(coordinator, "donghai", "send-key-0003");
        assertThat(sent).isInstanceOf(Outcome.Done.class);
        assertThat(retry).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done<LinkRequest>) retry).replayed()).isTrue();
        assertThat(queued).hasSize(1);
        assertThat(queued.getFirst().entered()).isEqualTo("donghai");
        assertThat(queued.getFirst().requestedBy()).isEqualTo("c-0000000001");
    }

    @Test
    void coordinatorsAreAddedOnceAndTheLastOneStays() {
        var first = (Outcome.Done<CoordinatorAccount>) admin.addCoordinator(coordinator, "王五", " Wang@LYG.example.cn ",
                "coord-key-0001");
        assertThat(first.value().email()).isEqualTo("wang@lyg.example.cn");
        assertThat(admin.addCoordinator(coordinator, "王五", "wang@lyg.example.cn", "coord-key-0001"))
                .isEqualTo(new Outcome.Done<>(first.value(), true));
        assertThat(admin.addCoordinator(coordinator, "赵六", "不是邮箱", "coord-key-0002"))
                .isInstanceOf(Outcome.Invalid.class);
        assertThat(admin.removeCoordinator(coordinator, first.value().id(), "rm-key-0001")).as("the last one")
                .isInstanceOf(Outcome.Conflict.class);
        var second = (Outcome.Done<CoordinatorAccount>) admin.addCoordinator(coordinator, "赵六", "zhao@lyg.example.cn",
                "coord-key-0003");
        Credentials.Issued link = credentials.issue(Role.COORDINATOR, null, second.value().id(), Duration.ofDays(30),
                cn.lyg.xilian.core.access.Tokens.newToken());
        assertThat(admin.removeCoordinator(coordinator, second.value().id(), "rm-key-0002"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(credentials.authenticate(link.token())).as("a removed coordinator's link stops")
                .isInstanceOf(cn.lyg.xilian.core.access.CredentialCheck.Revoked.class);
        assertThat(store.coordinators.get(second.value().id()).active()).isFalse();
        assertThat(admin.removeCoordinator(coordinator, first.value().id(), "rm-key-0003"))
                .isInstanceOf(Outcome.Conflict.class);
    }

    @Test
    void linkStatesAsTheAdminAreaShowsThem() {
        Instant now = NOW;
        Credential live = new Credential("a".repeat(64), Role.UNIT, "donghai", now.minus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(40)), null);
        Credential soon = new Credential("b".repeat(64), Role.UNIT, "donghai", now.minus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(5)), null);
        Credential expired = new Credential("c".repeat(64), Role.UNIT, "donghai", now.minus(Duration.ofDays(90)),
                now.minus(Duration.ofDays(1)), null);
        Credential revoked = new Credential("d".repeat(64), Role.UNIT, "donghai", now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)));
        assertThat(LinkState.of(List.of(live, soon), now).label()).isEqualTo("有效");
        assertThat(LinkState.of(List.of(soon, expired), now).label()).isEqualTo("5天后到期");
        assertThat(LinkState.of(List.of(expired), now).label()).isEqualTo("已过期");
        assertThat(LinkState.of(List.of(expired, revoked), now).label()).isEqualTo("已撤销");
        assertThat(LinkState.of(List.of(), now).label()).isEqualTo("未签发");
    }

    @Test
    void jobsReadContactsOncePerRunAndSeeAnAddressAddedSinceAfterRefresh() {
        CountingDirectory counting = new CountingDirectory(store);
        DirectoryContacts contacts = new DirectoryContacts(new UnitDirectory(counting, shipped,
                DirectoryContacts.seedFrom(Map.of())), List.of("FGW@example.cn", "bad"), List.of());
        assertThat(contacts.unitContacts("donghai")).isEmpty();
        assertThat(contacts.coordinators()).containsExactly("fgw@example.cn");
        assertThat(counting.reads).isEqualTo(1);
        admin.editUnit(coordinator, "donghai", 0, contacts("new@donghai.example.cn"), "edit-key-0006");
        assertThat(contacts.unitContacts("donghai")).as("same run, same snapshot").isEmpty();
        contacts.refresh();
        assertThat(contacts.unitContacts("donghai")).containsExactly("new@donghai.example.cn");
        assertThat(counting.reads).isEqualTo(2);
    }

    static final class CountingDirectory implements Directory {
        final Directory inner;
        int reads;

        CountingDirectory(Directory inner) {
            this.inner = inner;
        }

        public Contents read() {
            reads++;
            return inner.read();
        }

        public Optional<UnitProfile> unit(String unitId) {
            return inner.unit(unitId);
        }

        public cn.lyg.xilian.core.supervision.Write<UnitProfile> create(UnitProfile profile) {
            return inner.create(profile);
        }

        public cn.lyg.xilian.core.supervision.Write<UnitProfile> update(UnitProfile next) {
            return inner.update(next);
        }

        public void markLinkSent(String unitId, Instant at, List<String> to) {
            inner.markLinkSent(unitId, at, to);
        }

        public void markSignedIn(String unitId, Instant at) {
            inner.markSignedIn(unitId, at);
        }

        public cn.lyg.xilian.core.supervision.Write<CoordinatorAccount> create(CoordinatorAccount account) {
            return inner.create(account);
        }

        public void remove(String accountId, Instant at) {
            inner.remove(accountId, at);
        }
    }

    static final class MemoryAudit implements AuditLog {
        final Map<String, AuditEntry> entries = new LinkedHashMap<>();

        public synchronized boolean record(AuditEntry entry) {
            return entries.putIfAbsent(entry.id(), entry) == null;
        }

        public synchronized List<AuditEntry> month(YearMonth month) {
            return List.copyOf(entries.values()).reversed();
        }
    }

    static final class MemoryCredentials implements CredentialRepository {
        final Map<String, Credential> items = new LinkedHashMap<>();

        public synchronized void create(Credential c) {
            if (items.putIfAbsent(c.hash(), c) != null) {
                throw new IllegalStateException("exists");
            }
        }

        public synchronized Optional<Credential> find(String hash) {
            return Optional.ofNullable(items.get(hash));
        }

        public synchronized List<Credential> list(@Nullable String unitId) {
            return items.values().stream().filter(c -> unitId == null || unitId.equals(c.unitId())).toList();
        }

        public synchronized boolean revoke(String hash, Instant when) {
            Credential c = items.get(hash);
            if (c == null) {
                return false;
            }
            if (!c.revoked()) {
                items.put(hash, c.revokedAt(when));
            }
            return true;
        }

        public synchronized boolean expireBy(String hash, Instant when) {
            Credential c = items.get(hash);
            if (c == null) {
                return false;
            }
            if (c.expiresAt() == null || c.expiresAt().isAfter(when)) {
                items.put(hash, new Credential(c.hash(), c.role(), c.unitId(), c.issuedAt(), when, c.revokedAt(),
                        c.accountId()));
            }
            return true;
        }

        final Map<String, Integer> counts = new java.util.HashMap<>();

        public synchronized SubmissionCount countSubmission(String hash, Instant now, int perMinute) {
            Credential c = items.get(hash);
            if (c == null || c.revoked() || c.expiredAt(now)) {
                return new SubmissionCount(false, Optional.ofNullable(c));
            }
            String minute = hash + "#" + now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            int n = counts.getOrDefault(minute, 0);
            if (n >= perMinute) {
                return new SubmissionCount(false, Optional.of(c));
            }
            counts.put(minute, n + 1);
            return new SubmissionCount(true, Optional.of(c));
        }
    }

    static final class MemoryRequests implements LinkRequestRepository {
        final Map<String, Stored> items = new HashMap<>();

        public synchronized void record(LinkRequest request, Instant keepUntil) {
            items.putIfAbsent(request.id(), new Stored(request, null, null));
        }

        public synchronized Optional<Stored> find(String id) {
            return Optional.ofNullable(items.get(id));
        }

        public synchronized void markHandled(String id, String outcome, Instant at) {
            items.computeIfPresent(id, (k, s) -> s.handled() ? s : new Stored(s.request(), at, outcome));
        }
    }
}
