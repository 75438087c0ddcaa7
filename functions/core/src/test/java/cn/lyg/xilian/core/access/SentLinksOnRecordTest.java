package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.Directory;
import cn.lyg.xilian.core.admin.DirectoryLinks;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.Write;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: a link sent from 单位与账号管理 — to a unit's registered addresses, or to a coordinator account's own
 * address — is on the audit trail (who sent it, to whom), and the unit's profile records when and to whom.
 */
class SentLinksOnRecordTest {

    final SessionsTest.MovableClock clock = new SessionsTest.MovableClock();
    final SignInLinkByEmailTest.MemoryRequests requests = new SignInLinkByEmailTest.MemoryRequests();
    final SessionsTest.MemoryCredentials credentialStore = new SessionsTest.MemoryCredentials();
    final Credentials credentials = new Credentials(credentialStore, clock, 2026);
    final MemoryDirectory directory = new MemoryDirectory();
    final List<AuditEntry> trail = new ArrayList<>();
    final AuditLog audit = new AuditLog() {
        @Override
        public boolean record(AuditEntry entry) {
            if (trail.stream().anyMatch(e -> e.id().equals(entry.id()))) {
                return false;
            }
            return trail.add(entry);
        }

        @Override
        public List<AuditEntry> month(YearMonth month) {
            return List.copyOf(trail);
        }
    };
    final ContactDirectory contacts = new ContactDirectory() {
        @Override
        public List<String> unitContacts(String unitId) {
            return switch (unitId) {
                case "donghai" -> List.of("a@donghai.example.cn", "b@donghai.example.cn");
                case "shi-zhujianju" -> List.of("zjj@example.cn");
                default -> List.of();
            };
        }

        @Override
        public List<String> coordinators() {
            return List.of("fgw@example.cn");
        }
    };
    final List<SignInLinkNotice> rendered = new ArrayList<>();
    final List<OutgoingEmail> sent = new ArrayList<>();
    final SendSignInLink mail = new SendSignInLink(requests, credentials, contacts,
            new SignInLinkByEmailTest.MemoryCounter(), notice -> {
        rendered.add(notice);
        return new OutgoingEmail("signin-" + notice.requestId() + "@example.cn", notice.to(),
                ("link " + notice.token()).getBytes(StandardCharsets.UTF_8));
    }, sent::add, clock, new DirectoryLinks(directory, audit));

    @Test
    void aLinkSentByACoordinatorIsOnRecordAsTheirsAndMarkedOnTheUnit() {
        directory.create(profile("donghai", "东海县"));
        requests.record(new LinkRequest("admin-1", "donghai", null, clock.instant(), "c-0123456789"),
                clock.instant().plusSeconds(86400));

        assertThat(mail.send(TwoUnitPlan.PLAN, "admin-1")).isEqualTo(SendSignInLink.Result.SENT);
        assertThat(mail.send(TwoUnitPlan.PLAN, "admin-1")).isEqualTo(SendSignInLink.Result.ALREADY_HANDLED);

        assertThat(sent).singleElement().satisfies(e -> assertThat(e.to())
                .containsExactly("a@donghai.example.cn", "b@donghai.example.cn"));
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(new Actor(Actor.Kind.COORDINATOR, "c-0123456789"));
            assertThat(e.action()).isEqualTo(AuditAction.LINK_SENT);
            assertThat(e.target()).isEqualTo("unit:donghai");
            assertThat(e.after()).isEqualTo("发送至 a@donghai.example.cn、b@donghai.example.cn");
            assertThat(e.after()).doesNotContain(rendered.getFirst().token());
        });
        UnitProfile marked = directory.unit("donghai").orElseThrow();
        assertThat(marked.linkSentAt()).isEqualTo(clock.instant());
        assertThat(marked.linkSentTo()).containsExactly("a@donghai.example.cn", "b@donghai.example.cn");
    }

    @Test
    void aUnitsOwnRequestIsOnRecordAsTheUnits() {
        requests.record(new LinkRequest("page-1", "donghai", null, clock.instant()), clock.instant());
        assertThat(mail.send(TwoUnitPlan.PLAN, "page-1")).isEqualTo(SendSignInLink.Result.SENT);
        assertThat(trail).singleElement().extracting(AuditEntry::actor)
                .isEqualTo(new Actor(Actor.Kind.UNIT, "donghai"));
    }

    @Test
    void aUnitRegisteredSinceThePlanWasLoadedGetsItsLink() {
        directory.create(profile("shi-zhujianju", "市住建局"));
        requests.record(new LinkRequest("admin-2", "shi-zhujianju", null, clock.instant(), "c-0123456789"),
                clock.instant());
        assertThat(mail.send(TwoUnitPlan.PLAN, "admin-2")).isEqualTo(SendSignInLink.Result.SENT);
        assertThat(rendered.getFirst().unitName()).isEqualTo("市住建局");
        assertThat(credentials.authenticate(rendered.getFirst().token()))
                .isInstanceOfSatisfying(CredentialCheck.Valid.class,
                        v -> assertThat(v.principal().unitId()).isEqualTo("shi-zhujianju"));
    }

    @Test
    void aCoordinatorsLinkIsIssuedToTheAccountAndGoesToItsAddressOnly() {
        directory.create(new CoordinatorAccount("c-0123456789", "张三", "zhang@fgw.example.cn", true,
                clock.instant(), null));
        directory.create(new CoordinatorAccount("c-abcdefabcd", "李四", "li@fgw.example.cn", true,
                clock.instant(), null));
        requests.record(new LinkRequest("admin-3", "c-abcdefabcd", null, clock.instant(), "c-0123456789"),
                clock.instant());

        assertThat(mail.send(TwoUnitPlan.PLAN, "admin-3")).isEqualTo(SendSignInLink.Result.SENT);

        assertThat(sent).singleElement().satisfies(e -> assertThat(e.to()).containsExactly("li@fgw.example.cn"));
        CredentialCheck check = credentials.authenticate(rendered.getFirst().token());
        assertThat(check).isInstanceOfSatisfying(CredentialCheck.Valid.class, v -> {
            assertThat(v.principal().coordinator()).isTrue();
            assertThat(v.principal().accountId()).isEqualTo("c-abcdefabcd");
        });
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(new Actor(Actor.Kind.COORDINATOR, "c-0123456789"));
            assertThat(e.target()).isEqualTo("coordinator:c-abcdefabcd");
            assertThat(e.after()).isEqualTo("发送至 li@fgw.example.cn");
        });
    }

    @Test
    void aRemovedOrUnknownCoordinatorGetsNothing() {
        directory.create(new CoordinatorAccount("c-abcdefabcd", "李四", "li@fgw.example.cn", true,
                clock.instant(), null));
        directory.remove("c-abcdefabcd", clock.instant());
        requests.record(new LinkRequest("r-1", "c-abcdefabcd", null, clock.instant()), clock.instant());
        requests.record(new LinkRequest("r-2", "c-ffffffffff", null, clock.instant()), clock.instant());

        assertThat(mail.send(TwoUnitPlan.PLAN, "r-1")).isEqualTo(SendSignInLink.Result.NO_MATCH);
        assertThat(mail.send(TwoUnitPlan.PLAN, "r-2")).isEqualTo(SendSignInLink.Result.NO_MATCH);
        assertThat(sent).isEmpty();
        assertThat(credentialStore.items).isEmpty();
        assertThat(trail).isEmpty();
    }

    private UnitProfile profile(String id, String name) {
        return new UnitProfile(id, name, UnitKind.COUNTY, List.of(), contacts.unitContacts(id), null, null, true, 1,
                clock.instant(), null, List.of(), null);
    }

    /** The directory's conditions as the table applies them. */
    static final class MemoryDirectory implements Directory {
        final Map<String, UnitProfile> units = new LinkedHashMap<>();
        final Map<String, CoordinatorAccount> coordinators = new LinkedHashMap<>();

        @Override
        public Contents read() {
            return new Contents(List.copyOf(units.values()), List.copyOf(coordinators.values()));
        }

        @Override
        public Optional<UnitProfile> unit(String unitId) {
            return Optional.ofNullable(units.get(unitId));
        }

        @Override
        public Write<UnitProfile> create(UnitProfile profile) {
            UnitProfile stored = units.putIfAbsent(profile.id(), profile);
            return stored == null ? new Write.Stored<>(profile) : new Write.Taken<>(stored);
        }

        @Override
        public Write<UnitProfile> update(UnitProfile next) {
            UnitProfile stored = units.get(next.id());
            if (stored == null ? next.version() <= 1 : stored.version() == next.version() - 1) {
                units.put(next.id(), next);
                return new Write.Stored<>(next);
            }
            return new Write.Taken<>(stored);
        }

        @Override
        public void markLinkSent(String unitId, Instant at, List<String> to) {
            units.computeIfPresent(unitId, (k, p) -> new UnitProfile(p.id(), p.name(), p.kind(), p.aliases(),
                    p.contacts(), p.liaisonName(), p.liaisonPhone(), p.active(), p.version(), p.updatedAt(), at, to,
                    p.lastSignInAt()));
        }

        @Override
        public void markSignedIn(String unitId, Instant at) {
            units.computeIfPresent(unitId, (k, p) -> new UnitProfile(p.id(), p.name(), p.kind(), p.aliases(),
                    p.contacts(), p.liaisonName(), p.liaisonPhone(), p.active(), p.version(), p.updatedAt(),
                    p.linkSentAt(), p.linkSentTo(), at));
        }

        @Override
        public Write<CoordinatorAccount> create(CoordinatorAccount account) {
            CoordinatorAccount stored = coordinators.putIfAbsent(account.id(), account);
            return stored == null ? new Write.Stored<>(account) : new Write.Taken<>(stored);
        }

        @Override
        public void remove(String accountId, Instant at) {
            coordinators.computeIfPresent(accountId, (k, c) -> c.active() ? c.removed(at) : c);
        }
    }
}
