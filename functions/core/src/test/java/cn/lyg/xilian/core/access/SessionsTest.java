package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.SessionRepository;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, findings 1 and 2 (rules): sessions end after 8 h idle or 7 days, at sign-out and with their
 * credential; credentials always expire and rotate with a grace period. Time is moved by hand.
 */
class SessionsTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-06-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static final class MemoryCredentials implements CredentialRepository {
        final Map<String, Credential> items = new HashMap<>();

        public void create(Credential c) {
            if (items.putIfAbsent(c.hash(), c) != null) {
                throw new IllegalStateException("exists");
            }
        }

        public Optional<Credential> find(String hash) {
            return Optional.ofNullable(items.get(hash));
        }

        public List<Credential> list(String unitId) {
            return items.values().stream().filter(c -> unitId == null || unitId.equals(c.unitId()))
                    .sorted((a, b) -> a.issuedAt().compareTo(b.issuedAt())).toList();
        }

        public boolean revoke(String hash, Instant when) {
            Credential c = items.get(hash);
            if (c != null && !c.revoked()) {
                items.put(hash, c.revokedAt(when));
            }
            return c != null;
        }

        public boolean expireBy(String hash, Instant when) {
            Credential c = items.get(hash);
            if (c != null && (c.expiresAt() == null || c.expiresAt().isAfter(when))) {
                items.put(hash, new Credential(c.hash(), c.role(), c.unitId(), c.issuedAt(), when, c.revokedAt()));
            }
            return c != null;
        }

        final Map<String, Integer> counts = new java.util.HashMap<>();

        public SubmissionCount countSubmission(String hash, Instant now, int perMinute) {
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

    static final class MemorySessions implements SessionRepository {
        final Map<String, Session> items = new HashMap<>();
        final List<String> writes = new ArrayList<>();

        public void create(Session s, Instant purgeAfter) {
            writes.add("create");
            items.put(s.idHash(), s);
        }

        public Optional<Session> find(String idHash) {
            return Optional.ofNullable(items.get(idHash));
        }

        public void touch(String idHash, Instant when) {
            writes.add("touch");
            items.computeIfPresent(idHash, (k, s) -> new Session(k, s.credentialHash(), s.createdAt(), when));
        }

        public void delete(String idHash) {
            items.remove(idHash);
        }
    }

    final MovableClock clock = new MovableClock();
    final MemoryCredentials credentialStore = new MemoryCredentials();
    final MemorySessions sessionStore = new MemorySessions();
    final Credentials credentials = new Credentials(credentialStore, clock, 2026);
    final Sessions sessions = new Sessions(sessionStore, credentials, clock, SessionPolicy.DEFAULT);

    String signIn(String token) {
        return ((Sessions.Started) sessions.start(token)).sessionId();
    }

    @Test
    void aSessionIsANewRandomIdStoredOnlyAsItsHash() {
        String token = credentials.issue(Role.UNIT, "donghai", null).token();
        String id = signIn(token);
        assertThat(id).isNotEqualTo(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(sessionStore.items).containsOnlyKeys(Tokens.sha256Hex(id));
        assertThat(sessionStore.items.values().iterator().next().toString()).doesNotContain(id);
        assertThat(sessions.check(id)).isInstanceOf(SessionCheck.Active.class);
        assertThat(sessions.check(token)).as("the sign-in token is not a session").isInstanceOf(SessionCheck.Unknown.class);
        assertThat(credentials.authenticate(id)).as("a session id is not a credential").isInstanceOf(CredentialCheck.Invalid.class);
        assertThat(sessions.start(Tokens.newToken())).isInstanceOf(Sessions.Refused.class);
        assertThat(Sessions.csrfToken(id)).isNotEqualTo(Sessions.csrfToken(signIn(token)));
    }

    @Test
    void idleForEightHoursEndsTheSessionAndUseKeepsItAliveWithFewWrites() {
        String id = signIn(credentials.issue(Role.UNIT, "donghai", null).token());
        for (int i = 0; i < 60; i++) { // an hour of requests, one a minute
            clock.advance(Duration.ofMinutes(1));
            assertThat(sessions.check(id)).isInstanceOf(SessionCheck.Active.class);
        }
        assertThat(sessionStore.writes.stream().filter("touch"::equals).count()).as("at most one write per 5 min")
                .isBetween(11L, 12L);
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(sessions.check(id)).isInstanceOf(SessionCheck.Active.class);
        clock.advance(Duration.ofHours(8));
        assertThat(sessions.check(id)).isInstanceOf(SessionCheck.Ended.class);
    }

    @Test
    void sevenDaysEndTheSessionHoweverActive() {
        String id = signIn(credentials.issue(Role.UNIT, "donghai", null).token());
        for (int h = 0; h < 7 * 24 - 1; h++) {
            clock.advance(Duration.ofHours(1));
            assertThat(sessions.check(id)).isInstanceOf(SessionCheck.Active.class);
        }
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.check(id)).isInstanceOf(SessionCheck.Ended.class);
    }

    @Test
    void signOutAndRevocationEndTheSessionAtTheNextCheck() {
        String token = credentials.issue(Role.UNIT, "donghai", null).token();
        String a = signIn(token);
        String b = signIn(token);
        sessions.end(a);
        sessions.end(a); // idempotent
        assertThat(sessions.check(a)).isInstanceOf(SessionCheck.Unknown.class);
        assertThat(sessions.check(b)).isInstanceOf(SessionCheck.Active.class);
        credentials.revoke(token);
        assertThat(sessions.check(b)).isInstanceOfSatisfying(SessionCheck.CredentialRefused.class,
                r -> assertThat(r.check()).isInstanceOf(CredentialCheck.Revoked.class));
    }

    @Test
    void credentialsExpireByDefaultSixtyDaysAfterThePlanYearAndLifetimesAreBounded() {
        Credential c = credentials.issue(Role.UNIT, "donghai", null).credential();
        assertThat(c.expiresAt()).isEqualTo(Instant.parse("2027-03-01T16:00:00Z")); // 2027-03-02 00:00 Asia/Shanghai
        assertThat(credentials.issue(Role.COORDINATOR, null, Duration.ofDays(400)).credential().expiresAt())
                .isEqualTo(clock.now.plus(Duration.ofDays(400)));
        for (Duration bad : List.of(Duration.ofDays(-1), Duration.ZERO, Duration.ofDays(401))) {
            assertThatThrownBy(() -> credentials.issue(Role.UNIT, "donghai", bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 到 400 天");
        }
        clock.now = Instant.parse("2027-03-02T00:00:00Z");
        assertThatThrownBy(() -> credentials.issue(Role.UNIT, "donghai", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--days");
    }

    @Test
    void rotationIssuesANewCredentialAndEndsTheOldOnesAfterTheGracePeriod() {
        String old = credentials.issue(Role.UNIT, "donghai", null).token();
        String other = credentials.issue(Role.UNIT, "ganyu", null).token();
        Credentials.Rotated rotated = credentials.rotate("donghai", null, Duration.ofDays(7));
        assertThat(rotated.retiring()).extracting(Credential::hash).containsExactly(Tokens.sha256Hex(old));
        clock.advance(Duration.ofDays(1));
        Credentials.Rotated again = credentials.rotate("donghai", null, Duration.ofDays(7)); // the old one's earlier end stays
        assertThat(again.retiring()).hasSize(2);
        clock.advance(Duration.ofDays(6).minusSeconds(1));
        assertThat(credentials.authenticate(old)).isInstanceOf(CredentialCheck.Valid.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(credentials.authenticate(old)).isInstanceOf(CredentialCheck.Expired.class);
        assertThat(credentials.authenticate(rotated.issued().token())).isInstanceOf(CredentialCheck.Valid.class);
        assertThat(credentials.authenticate(again.issued().token())).isInstanceOf(CredentialCheck.Valid.class);
        clock.advance(Duration.ofDays(1));
        assertThat(credentials.authenticate(rotated.issued().token())).isInstanceOf(CredentialCheck.Expired.class);
        assertThat(credentials.authenticate(again.issued().token())).isInstanceOf(CredentialCheck.Valid.class);
        assertThat(credentials.authenticate(other)).as("another unit is untouched").isInstanceOf(CredentialCheck.Valid.class);
    }
}
