package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22: "把登录链接发到本单位邮箱" — the page's half answers the same whatever was entered (no enumeration) and
 * limits rates per client and per entry; the mail path's half sends a new link to the unit's registered addresses
 * only, once per request, at most three per unit and hour, and leaves the older links working.
 */
class SignInLinkByEmailTest {

    final SessionsTest.MovableClock clock = new SessionsTest.MovableClock();
    final MemoryRequests requests = new MemoryRequests();
    final MemoryCounter counter = new MemoryCounter();
    final SessionsTest.MemoryCredentials credentialStore = new SessionsTest.MemoryCredentials();
    final Credentials credentials = new Credentials(credentialStore, clock, 2026);
    final List<LinkRequest> heard = new ArrayList<>();
    final RequestSignInLink page = new RequestSignInLink(requests, counter, clock, heard::add);
    final ContactDirectory contacts = new ContactDirectory() {
        @Override
        public List<String> unitContacts(String unitId) {
            return switch (unitId) {
                case "donghai" -> List.of("lianluo@donghai.example.cn", "Ban@Donghai.example.cn");
                default -> List.of(); // ganyu has no registered address
            };
        }

        @Override
        public List<String> coordinators() {
            return List.of("fgw@example.cn");
        }
    };
    final List<SignInLinkNotice> rendered = new ArrayList<>();
    final List<OutgoingEmail> sent = new ArrayList<>();
    boolean refuseMail;
    final SendSignInLink mail = new SendSignInLink(requests, credentials, contacts, counter, notice -> {
        rendered.add(notice);
        return new OutgoingEmail("signin-" + notice.requestId() + "@example.cn", notice.to(),
                ("link " + notice.token()).getBytes(StandardCharsets.UTF_8));
    }, email -> {
        if (refuseMail) {
            throw new MailDeliveryException("refused", null);
        }
        sent.add(email);
    }, clock);

    @Test
    void theSameAnswerForKnownAndUnknownUnitsAndAddresses() {
        List<String> entries = List.of("donghai", "nosuchunit", "lianluo@donghai.example.cn", "someone@evil.example",
                " DongHai ", "ganyu");
        for (String entry : entries) {
            assertThat(page.request(entry, "/tasks/1.1", "203.0.113.7"))
                    .as(entry).isInstanceOf(RequestSignInLink.Accepted.class);
        }
        assertThat(requests.items).hasSize(entries.size());
        assertThat(heard).hasSize(entries.size());
        assertThat(sent).as("the page sends nothing itself").isEmpty();
    }

    @Test
    void onlyTheShapeIsCheckedOnThePage() {
        for (String bad : new String[]{null, "", "   ", "东海县", "a@b", "x\r\nBcc: evil@example.cn", "a b@c.cn",
                "<a@b.cn>", "a,b@c.cn", "x".repeat(300) + "@example.cn"}) {
            assertThat(page.request(bad, null, "203.0.113.7")).as(String.valueOf(bad))
                    .isInstanceOf(RequestSignInLink.Invalid.class);
        }
        assertThat(requests.items).isEmpty();
    }

    @Test
    void aStrangeReturnPathIsDroppedNotFollowed() {
        page.request("donghai", "//evil.example", "203.0.113.7");
        page.request("donghai", "/tasks/1.1", "203.0.113.8");
        assertThat(requests.items.values()).extracting(r -> r.request().returnPath())
                .containsExactlyInAnyOrder(null, "/tasks/1.1");
    }

    @Test
    void ratesAreLimitedPerEntryAndPerClient() {
        for (int i = 0; i < RequestSignInLink.PER_ENTRY_PER_HOUR; i++) {
            assertThat(page.request("donghai", null, "198.51.100." + i)).isInstanceOf(RequestSignInLink.Accepted.class);
        }
        assertThat(page.request("DONGHAI", null, "198.51.100.99")).isInstanceOf(RequestSignInLink.TooMany.class);

        for (int i = 0; i < RequestSignInLink.PER_CLIENT_PER_HOUR - 1; i++) { // the client asked once above
            assertThat(page.request("unit" + i, null, "198.51.100.1")).isInstanceOf(RequestSignInLink.Accepted.class);
        }
        assertThat(page.request("other", null, "198.51.100.1")).isInstanceOf(RequestSignInLink.TooMany.class);

        clock.advance(Duration.ofHours(1)); // a new clock hour
        assertThat(page.request("donghai", null, "198.51.100.1")).isInstanceOf(RequestSignInLink.Accepted.class);
    }

    @Test
    void theLinkGoesToTheUnitsRegisteredAddressesOnlyWhateverWasTyped() {
        String byAddress = accepted(page.request("ban@donghai.example.cn", "/tasks/1.1", "203.0.113.7"));
        assertThat(mail.send(TwoUnitPlan.PLAN, byAddress)).isEqualTo(SendSignInLink.Result.SENT);
        String byUnit = accepted(page.request("donghai", null, "203.0.113.7"));
        assertThat(mail.send(TwoUnitPlan.PLAN, byUnit)).isEqualTo(SendSignInLink.Result.SENT);

        assertThat(sent).hasSize(2).allSatisfy(e -> assertThat(e.to())
                .containsExactly("lianluo@donghai.example.cn", "Ban@Donghai.example.cn"));
        assertThat(rendered.get(0).returnPath()).isEqualTo("/tasks/1.1");
        assertThat(rendered.get(0).unitName()).isEqualTo("东海县");
        // The emailed token signs in as the unit, for 30 days.
        CredentialCheck check = credentials.authenticate(rendered.get(0).token());
        assertThat(check).isInstanceOfSatisfying(CredentialCheck.Valid.class,
                v -> assertThat(v.principal().unitId()).isEqualTo("donghai"));
        assertThat(rendered.get(0).expiresAt()).isEqualTo(clock.instant().plus(SendSignInLink.VALID_FOR));
        assertThat(rendered.get(0).toString()).doesNotContain(rendered.get(0).token());
    }

    @Test
    void unknownEntriesAndUnitsWithoutAddressesGetNoMail() {
        for (String entry : List.of("nosuchunit", "someone@evil.example", "ganyu")) {
            String id = accepted(page.request(entry, null, "203.0.113.7"));
            assertThat(mail.send(TwoUnitPlan.PLAN, id)).as(entry)
                    .isIn(SendSignInLink.Result.NO_MATCH, SendSignInLink.Result.NO_CONTACT);
        }
        assertThat(sent).isEmpty();
        assertThat(credentialStore.items).as("no credential issued for nobody").isEmpty();
    }

    @Test
    void eachRequestIsHandledOnceAndTheOlderLinkKeepsWorking() {
        String old = credentials.issue(Role.UNIT, "donghai", Duration.ofDays(10)).token();
        String id = accepted(page.request("donghai", null, "203.0.113.7"));
        assertThat(mail.send(TwoUnitPlan.PLAN, id)).isEqualTo(SendSignInLink.Result.SENT);
        assertThat(mail.send(TwoUnitPlan.PLAN, id)).isEqualTo(SendSignInLink.Result.ALREADY_HANDLED);
        assertThat(mail.send(TwoUnitPlan.PLAN, "no-such-request")).isEqualTo(SendSignInLink.Result.UNKNOWN);
        assertThat(sent).hasSize(1);
        assertThat(credentials.authenticate(old)).isInstanceOf(CredentialCheck.Valid.class);
    }

    @Test
    void aRefusedMailLeavesTheRequestForTheRetry() {
        String id = accepted(page.request("donghai", null, "203.0.113.7"));
        refuseMail = true;
        assertThatThrownBy(() -> mail.send(TwoUnitPlan.PLAN, id)).isInstanceOf(MailDeliveryException.class);
        refuseMail = false;
        assertThat(mail.send(TwoUnitPlan.PLAN, id)).isEqualTo(SendSignInLink.Result.SENT);
        assertThat(sent).hasSize(1);
    }

    @Test
    void atMostThreeLinksPerUnitAndHourHoweverTheyWereAskedFor() {
        List<String> ids = new ArrayList<>();
        ids.add(accepted(page.request("donghai", null, "203.0.113.1")));
        ids.add(accepted(page.request("lianluo@donghai.example.cn", null, "203.0.113.2")));
        ids.add(accepted(page.request("ban@donghai.example.cn", null, "203.0.113.3")));
        ids.add(accepted(page.request("donghai", null, "203.0.113.4")));
        List<SendSignInLink.Result> results = ids.stream().map(id -> mail.send(TwoUnitPlan.PLAN, id)).toList();
        assertThat(results).containsExactly(SendSignInLink.Result.SENT, SendSignInLink.Result.SENT,
                SendSignInLink.Result.SENT, SendSignInLink.Result.LIMITED);
        assertThat(sent).hasSize(SendSignInLink.PER_UNIT_PER_HOUR);
    }

    private static String accepted(RequestSignInLink.Answer answer) {
        assertThat(answer).isInstanceOf(RequestSignInLink.Accepted.class);
        return ((RequestSignInLink.Accepted) answer).requestId();
    }

    static final class MemoryRequests implements LinkRequestRepository {
        final Map<String, Stored> items = new HashMap<>();

        @Override
        public void record(LinkRequest request, Instant keepUntil) {
            if (items.putIfAbsent(request.id(), new Stored(request, null, null)) != null) {
                throw new IllegalStateException("exists");
            }
        }

        @Override
        public Optional<Stored> find(String id) {
            return Optional.ofNullable(items.get(id));
        }

        @Override
        public void markHandled(String id, String outcome, Instant at) {
            items.computeIfPresent(id, (k, s) -> s.handled() ? s : new Stored(s.request(), at, outcome));
        }
    }

    static final class MemoryCounter implements RateCounter {
        final Map<String, Long> counts = new HashMap<>();

        @Override
        public long increment(String subject, Instant windowStart) {
            return counts.merge(subject + "@" + windowStart, 1L, Long::sum);
        }
    }
}
