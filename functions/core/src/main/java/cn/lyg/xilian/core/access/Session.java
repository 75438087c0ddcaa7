package cn.lyg.xilian.core.access;

import java.time.Instant;

/**
 * A browser session, created by exchanging a sign-in token at /login. Only the SHA-256 of the random session
 * id is stored; the id itself lives only in the browser's HttpOnly cookie.
 *
 * @param idHash         lower-case hex SHA-256 of the session id
 * @param credentialHash the credential it was opened with: re-checked on every request, so revoking the
 *                       credential ends its sessions at their next request
 * @param createdAt      start; the absolute limit counts from here
 * @param lastSeenAt     last recorded use; the idle limit counts from here
 */
public record Session(String idHash, String credentialHash, Instant createdAt, Instant lastSeenAt) {

    /** When the session ends if unused from now on: the earlier of the idle and the absolute limit. */
    public Instant endsAt(SessionPolicy policy) {
        Instant idleEnd = lastSeenAt.plus(policy.idle());
        Instant absoluteEnd = createdAt.plus(policy.absolute());
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
    }

    public boolean endedAt(Instant now, SessionPolicy policy) {
        return !now.isBefore(endsAt(policy));
    }
}
