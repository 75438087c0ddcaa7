package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.access.SessionRepository;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;

/**
 * Browser sessions: a sign-in token is exchanged once for a new random session id, which is what the cookie
 * carries. Checking a session reads the session and its credential (two consistent GetItems), so sign-out,
 * the idle and absolute limits and the credential's revocation or expiry all take effect at the next request.
 */
public class Sessions {

    private final SessionRepository repository;
    private final Credentials credentials;
    private final Clock clock;
    private final SessionPolicy policy;

    public Sessions(SessionRepository repository, Credentials credentials, Clock clock, SessionPolicy policy) {
        this.repository = repository;
        this.credentials = credentials;
        this.clock = clock;
        this.policy = policy;
    }

    public SessionPolicy policy() {
        return policy;
    }

    /** A new session for a valid sign-in token; the id is returned once and only its hash is stored. */
    public sealed interface Start {
    }

    public record Started(String sessionId, Session session, Principal principal) implements Start {
    }

    public record Refused(CredentialCheck check) implements Start {
    }

    public Start start(@Nullable String signInToken) {
        CredentialCheck check = credentials.authenticate(signInToken);
        if (!(check instanceof CredentialCheck.Valid valid)) {
            return new Refused(check);
        }
        String id = Tokens.newToken();
        Instant now = clock.instant();
        Session session = new Session(hash(id), valid.principal().credentialHash(), now, now);
        repository.create(session, now.plus(policy.absolute()));
        return new Started(id, session, valid.principal());
    }

    public SessionCheck check(@Nullable String sessionId) {
        if (!Tokens.wellFormed(sessionId)) {
            return new SessionCheck.Unknown();
        }
        Session session = repository.find(hash(sessionId)).orElse(null);
        if (session == null) {
            return new SessionCheck.Unknown();
        }
        Instant now = clock.instant();
        if (session.endedAt(now, policy)) {
            return new SessionCheck.Ended();
        }
        CredentialCheck credential = credentials.check(session.credentialHash());
        if (!(credential instanceof CredentialCheck.Valid valid)) {
            return new SessionCheck.CredentialRefused(credential);
        }
        if (!now.isBefore(session.lastSeenAt().plus(policy.touchAfter()))) {
            repository.touch(session.idHash(), now);
            session = new Session(session.idHash(), session.credentialHash(), session.createdAt(), now);
        }
        return new SessionCheck.Active(valid.principal(), session);
    }

    /** Sign-out: the stored session is deleted, so the cookie is worthless even if copied. Idempotent. */
    public void end(@Nullable String sessionId) {
        if (Tokens.wellFormed(sessionId)) {
            repository.delete(hash(sessionId));
        }
    }

    /**
     * The form's CSRF token: derived from the session id, which only the session's browser has (HttpOnly
     * cookie). A new session, including a sign-in as someone else, invalidates every older form.
     */
    public static String csrfToken(String sessionId) {
        return Tokens.sha256Hex("csrf:" + sessionId);
    }

    static String hash(String sessionId) {
        return Tokens.sha256Hex(sessionId);
    }
}
