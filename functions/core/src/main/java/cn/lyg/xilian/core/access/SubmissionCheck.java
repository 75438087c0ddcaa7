package cn.lyg.xilian.core.access;

/**
 * The outcome of authenticating a progress submission and counting it against its credential's limit in one step
 * ({@link Credentials#authenticateSubmission}, {@link Credentials#countSubmission}).
 */
public sealed interface SubmissionCheck {

    /** A live credential, and the submission was counted in this minute. */
    record Allowed(Principal principal) implements SubmissionCheck {
    }

    /** Refused as {@link Credentials#authenticate} refuses ({@link CredentialCheck.Invalid}, Expired, Revoked). */
    record Refused(CredentialCheck check) implements SubmissionCheck {
    }

    /** A live credential at its limit for this minute: nothing was counted. */
    record Limited() implements SubmissionCheck {
    }
}
