package cn.lyg.xilian.core.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission's token is checked and counted in one step (issue 25 item 4): the verdicts are those of
 * {@link Credentials#authenticate}, plus {@link SubmissionCheck.Limited} for a live credential at its limit.
 */
class SubmissionCheckTest {

    private final SessionsTest.MovableClock clock = new SessionsTest.MovableClock();
    private final SessionsTest.MemoryCredentials store = new SessionsTest.MemoryCredentials();
    private final Credentials credentials = new Credentials(store, clock, 2026);

    @Test
    void aLiveCredentialIsCountedUpToItsLimitPerMinute() {
        String token = credentials.issue(Role.UNIT, "ganyu", Duration.ofDays(30)).token();
        for (int i = 0; i < 3; i++) {
            assertThat(credentials.authenticateSubmission(token, 3)).isInstanceOfSatisfying(
                    SubmissionCheck.Allowed.class, a -> assertThat(a.principal().unitId()).isEqualTo("ganyu"));
        }
        assertThat(credentials.authenticateSubmission(token, 3)).isInstanceOf(SubmissionCheck.Limited.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(credentials.authenticateSubmission(token, 3)).isInstanceOf(SubmissionCheck.Allowed.class);
    }

    @Test
    void refusalsAreThoseOfTheCredentialCheck() {
        assertThat(refusal(credentials.authenticateSubmission("not a token", 3))).isInstanceOf(CredentialCheck.Invalid.class);
        assertThat(refusal(credentials.authenticateSubmission(Tokens.newToken(), 3))).isInstanceOf(CredentialCheck.Invalid.class);

        String revoked = credentials.issue(Role.UNIT, "ganyu", Duration.ofDays(30)).token();
        credentials.revoke(revoked);
        assertThat(refusal(credentials.authenticateSubmission(revoked, 3))).isInstanceOf(CredentialCheck.Revoked.class);

        String expiring = credentials.issue(Role.UNIT, "ganyu", Duration.ofDays(1)).token();
        clock.advance(Duration.ofDays(1));
        assertThat(refusal(credentials.authenticateSubmission(expiring, 3))).isInstanceOf(CredentialCheck.Expired.class);
        assertThat(credentials.authenticate(expiring)).isInstanceOf(CredentialCheck.Expired.class);
    }

    private static CredentialCheck refusal(SubmissionCheck check) {
        assertThat(check).isInstanceOf(SubmissionCheck.Refused.class);
        return ((SubmissionCheck.Refused) check).check();
    }
}
