package cn.lyg.xilian.core.access;

/** The outcome of checking a presented session id. */
public sealed interface SessionCheck {

    record Active(Principal principal, Session session) implements SessionCheck {
    }

    /** Unknown (never issued, or signed out): the caller cannot tell which, on purpose. */
    record Unknown() implements SessionCheck {
    }

    /** Past its idle or absolute limit. */
    record Ended() implements SessionCheck {
    }

    /** The session is valid but its credential no longer is (revoked, expired, deleted). */
    record CredentialRefused(CredentialCheck check) implements SessionCheck {
    }
}
