package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.access.Credential;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores credentials by the hash of their token (item {@code CRED#<sha256>}). */
public interface CredentialRepository {

    /** Stores a new credential; the hash must not exist yet. */
    void create(Credential credential);

    /** Strongly consistent read, so a revocation takes effect on the very next request. */
    Optional<Credential> find(String hash);

    /** Credentials of a unit, or all when unitId is null, oldest first. */
    List<Credential> list(@Nullable String unitId);

    /** Marks the credential revoked; false if it does not exist. Revoking twice keeps the first time. */
    boolean revoke(String hash, Instant when);

    /** Sets the expiry to {@code when} unless it is already earlier; false if the credential does not exist. */
    boolean expireBy(String hash, Instant when);

    /**
     * Counts one submission on the credential in the UTC minute of {@code now}, only if the credential exists, is not
     * revoked, has not expired at {@code now} and has counted fewer than {@code perMinute} submissions in that minute:
     * the check and the count in one conditional write, so that a submission costs no separate read of its
     * credential (infra/dynamodb/TABLE.md).
     *
     * @return counted: the credential as stored; not counted: what is stored (empty when there is no such
     * credential). A credential that is live at {@code now} and was not counted is at its limit.
     */
    SubmissionCount countSubmission(String hash, Instant now, int perMinute);

    /** What {@link #countSubmission} found. */
    record SubmissionCount(boolean counted, Optional<Credential> stored) {
    }
}
