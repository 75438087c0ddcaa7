package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.CredentialRepository;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.function.IntSupplier;

/**
 * Use cases around credentials: issue, revoke, list, authenticate. The token itself is returned once by
 * {@link #issue} and never stored.
 */
public class Credentials {

    /** Longest lifetime an admin may give a credential ({@code --days}). */
    public static final int MAX_VALID_DAYS = 400;
    /** Without {@code --days} a credential lasts until the plan year's end plus this many days (late reports). */
    public static final int DAYS_AFTER_PLAN_YEAR = 60;

    private final CredentialRepository repository;
    private final Clock clock;
    private final IntSupplier planYear;

    /** For the current year's plan (Asia/Shanghai). */
    public Credentials(CredentialRepository repository, Clock clock) {
        this(repository, clock, LocalDate.now(clock.withZone(PlanTime.ZONE)).getYear());
    }

    public Credentials(CredentialRepository repository, Clock clock, int planYear) {
        this(repository, clock, () -> planYear);
    }

    /**
     * With several plan years in one deployment: {@code planYear} answers the newest year still open (进行中 or 收尾,
     * {@link cn.lyg.xilian.core.catalog.PlanYears#newestOpen}) when a credential is issued, so a link given in
     * January 2027 lasts through 2027, not until 2026's end.
     */
    public Credentials(CredentialRepository repository, Clock clock, IntSupplier planYear) {
        this.repository = repository;
        this.clock = clock;
        this.planYear = planYear;
    }

    /** The default expiry: 60 days after the plan year's last day, at midnight in Asia/Shanghai. */
    public Instant defaultExpiry() {
        return LocalDate.of(planYear.getAsInt() + 1, 1, 1).plusDays(DAYS_AFTER_PLAN_YEAR)
                .atStartOfDay(PlanTime.ZONE).toInstant();
    }

    /** The token is shown once to the admin and then only its hash exists. */
    public record Issued(String token, Credential credential) {
    }

    /**
     * Issues a credential valid for {@code validFor} (1 to {@value #MAX_VALID_DAYS} days), or when null until
     * {@link #defaultExpiry()}. Every credential expires.
     *
     * @throws IllegalArgumentException (message in Chinese, for the admin) on a lifetime out of bounds, or when
     *                                  the default expiry has passed (the plan year is over: give one)
     */
    public Issued issue(Role role, @Nullable String unitId, @Nullable Duration validFor) {
        return issue(role, unitId, null, validFor, Tokens.newToken());
    }

    /**
     * As {@link #issue(Role, String, Duration)}, for a coordinator account ({@code accountId}) and with a token drawn
     * by the caller ({@link Tokens#newToken()}), so that its hash can go on record before the credential exists.
     */
    public Issued issue(Role role, @Nullable String unitId, @Nullable String accountId, @Nullable Duration validFor,
                        String token) {
        if (!Tokens.wellFormed(token)) {
            throw new IllegalArgumentException("not a token");
        }
        Instant now = clock.instant();
        Instant expiresAt;
        if (validFor == null) {
            expiresAt = defaultExpiry();
            if (!expiresAt.isAfter(now)) {
                throw new IllegalArgumentException("计划年度 " + planYear.getAsInt() + " 已结束超过 " + DAYS_AFTER_PLAN_YEAR
                        + " 天，默认有效期已过；请用 --days 指定有效天数");
            }
        } else {
            if (validFor.compareTo(Duration.ofDays(1)) < 0 || validFor.compareTo(Duration.ofDays(MAX_VALID_DAYS)) > 0) {
                throw new IllegalArgumentException("有效期须为 1 到 " + MAX_VALID_DAYS + " 天");
            }
            expiresAt = now.plus(validFor);
        }
        Credential credential = new Credential(Tokens.sha256Hex(token), role,
                role == Role.UNIT ? unitId : null, now, expiresAt, null, role == Role.COORDINATOR ? accountId : null);
        repository.create(credential);
        return new Issued(token, credential);
    }

    /** A new credential for the unit, and every other live one of the unit ends after {@code grace}. */
    public record Rotated(Issued issued, List<Credential> retiring) {
    }

    /**
     * Rotation: issues a new credential for the unit (lifetime as {@link #issue}), then brings the expiry of
     * the unit's other live credentials forward to now + {@code grace}, so the holder has time to switch.
     * An expiry is only ever brought forward, never pushed back. Running it again rotates again: the credential
     * issued last is then the only one without a near end.
     */
    public Rotated rotate(String unitId, @Nullable Duration validFor, Duration grace) {
        if (grace.isNegative() || grace.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("宽限期须为 0 到 30 天");
        }
        List<Credential> live = repository.list(unitId).stream()
                .filter(c -> !c.revoked() && !c.expiredAt(clock.instant())).toList();
        Issued issued = issue(Role.UNIT, unitId, validFor);
        Instant end = clock.instant().plus(grace);
        List<Credential> retiring = new java.util.ArrayList<>();
        for (Credential c : live) {
            Instant newEnd = c.expiresAt() != null && c.expiresAt().isBefore(end) ? c.expiresAt() : end;
            repository.expireBy(c.hash(), newEnd);
            retiring.add(new Credential(c.hash(), c.role(), c.unitId(), c.issuedAt(), newEnd, c.revokedAt()));
        }
        return new Rotated(issued, retiring);
    }

    /** Checks a stored credential by its hash (a session re-checks the credential it was opened with). */
    public CredentialCheck check(String hash) {
        return repository.find(hash).map(this::verdict).orElseGet(CredentialCheck.Invalid::new);
    }

    private CredentialCheck verdict(Credential c) {
        return verdict(c, clock.instant());
    }

    private static CredentialCheck verdict(Credential c, Instant now) {
        if (c.revoked()) {
            return new CredentialCheck.Revoked();
        }
        if (c.expiredAt(now)) {
            return new CredentialCheck.Expired();
        }
        return new CredentialCheck.Valid(c.principal());
    }

    public CredentialCheck authenticate(@Nullable String token) {
        if (!Tokens.wellFormed(token)) {
            return new CredentialCheck.Invalid();
        }
        return check(Tokens.sha256Hex(token));
    }

    /**
     * A progress submission's token: checked as {@link #authenticate} checks it and, when valid, counted against its
     * credential's {@code perMinute} limit (UTC clock minutes), both in one storage call. A refusal is the same as
     * {@link #authenticate}'s (unknown, expired and revoked credentials each cost the call and one read); a valid
     * credential at its limit is {@link SubmissionCheck.Limited}. Every submission request counts, a replay of an
     * Idempotency-Key included.
     */
    public SubmissionCheck authenticateSubmission(@Nullable String token, int perMinute) {
        if (!Tokens.wellFormed(token)) {
            return new SubmissionCheck.Refused(new CredentialCheck.Invalid());
        }
        return countSubmission(Tokens.sha256Hex(token), perMinute);
    }

    /** As {@link #authenticateSubmission}, for the credential a session was opened with (its hash). */
    public SubmissionCheck countSubmission(String hash, int perMinute) {
        // Stored times have milliseconds: the store's test of the expiry and this one must agree.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        CredentialRepository.SubmissionCount count = repository.countSubmission(hash, now, perMinute);
        if (count.counted()) {
            return new SubmissionCheck.Allowed(count.stored().orElseThrow().principal());
        }
        CredentialCheck verdict = count.stored().map(c -> verdict(c, now)).orElseGet(CredentialCheck.Invalid::new);
        return verdict instanceof CredentialCheck.Valid ? new SubmissionCheck.Limited()
                : new SubmissionCheck.Refused(verdict);
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
