package cn.lyg.xilian.core.access;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A stored credential. Only the SHA-256 of the token is kept, so a leaked table does not leak sign-in links.
 *
 * @param hash      lower-case hex SHA-256 of the token
 * @param unitId    the unit for {@link Role#UNIT}; null for coordinators
 * @param expiresAt null = does not expire (only items issued before every credential got an expiry)
 * @param revokedAt set once by the admin command or page; never cleared
 * @param accountId the coordinator account it was issued to (null for units and for older coordinator links)
 */
public record Credential(String hash, Role role, @Nullable String unitId, Instant issuedAt,
                         @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable String accountId) {

    public Credential(String hash, Role role, @Nullable String unitId, Instant issuedAt, @Nullable Instant expiresAt,
                      @Nullable Instant revokedAt) {
        this(hash, role, unitId, issuedAt, expiresAt, revokedAt, null);
    }

    public Credential {
        if (role == Role.UNIT && (unitId == null || unitId.isBlank())) {
            throw new IllegalArgumentException("a unit credential needs a unit id");
        }
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Credential revokedAt(Instant when) {
        return new Credential(hash, role, unitId, issuedAt, expiresAt, when, accountId);
    }

    public Principal principal() {
        return new Principal(role, unitId, hash, accountId, null);
    }
}
