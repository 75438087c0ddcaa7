package cn.lyg.xilian.core.access;

/** The outcome of checking a presented token. */
public sealed interface CredentialCheck {

    record Valid(Principal principal) implements CredentialCheck {
    }

    /** Unknown, malformed or forged: the caller cannot tell which, on purpose. */
    record Invalid() implements CredentialCheck {
    }

    record Expired() implements CredentialCheck {
    }

    record Revoked() implements CredentialCheck {
    }
}
