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
}
