package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.port.CredentialRepository;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use cases around credentials: issue, revoke, list, authenticate. The token itself is returned once by
 * {@link #issue} and never stored.
 */
public class Credentials {

    private final CredentialRepository repository;
    private final Clock clock;

    public Credentials(CredentialRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The token is shown once to the admin and then only its hash exists. */
    public record Issued(String token, Credential credential) {
    }

    public Issued issue(Role role, @Nullable String unitId, @Nullable Duration validFor) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Credential credential = new Credential(Tokens.sha256Hex(token), role,
                role == Role.UNIT ? unitId : null, now, validFor == null ? null : now.plus(validFor), null);
        repository.create(credential);
        return new Issued(token, credential);
    }

    public CredentialCheck authenticate(@Nullable String token) {
        if (!Tokens.wellFormed(token)) {
            return new CredentialCheck.Invalid();
        }
        Optional<Credential> found = repository.find(Tokens.sha256Hex(token));
        if (found.isEmpty()) {
            return new CredentialCheck.Invalid();
        }
        Credential c = found.get();
        if (c.revoked()) {
            return new CredentialCheck.Revoked();
        }
        if (c.expiredAt(clock.instant())) {
            return new CredentialCheck.Expired();
        }
        return new CredentialCheck.Valid(c.principal());
    }

    /**
     * Revokes by token, full hash or a unique hash prefix (at least 8 hex digits, as printed by {@link #list}).
     * Returns the revoked credentials (empty when nothing matched; an ambiguous prefix revokes nothing).
     */
    public List<Credential> revoke(String tokenOrHashPrefix) {
        String v = tokenOrHashPrefix.strip();
        List<Credential> matches;
        if (Tokens.wellFormed(v)) {
            matches = repository.find(Tokens.sha256Hex(v)).stream().toList();
        } else if (v.matches("[0-9a-f]{8,64}")) {
            matches = repository.list(null).stream().filter(c -> c.hash().startsWith(v)).toList();
        } else {
            matches = List.of();
        }
        if (matches.size() != 1) {
            return matches.size() > 1 ? List.of() : matches;
        }
        Instant now = clock.instant();
        repository.revoke(matches.get(0).hash(), now);
        return List.of(matches.get(0).revokedAt(now));
    }

    public List<Credential> list(@Nullable String unitId) {
        return repository.list(unitId);
    }
}
