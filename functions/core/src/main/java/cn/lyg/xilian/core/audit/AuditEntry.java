package cn.lyg.xilian.core.audit;

import cn.lyg.xilian.core.access.Principal;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One action on record, never changed or deleted.
 *
 * @param id     derived from the action and its request (see {@link AuditTrail#entryId}), so a retried request records
 *               one entry, not two
 * @param target what was acted on, e.g. {@code unit:guanyun}, {@code task:1.2/unit:guanyun}, {@code coordinator:c-…}
 * @param before the state before, as a short Chinese text (null when there was none: an addition)
 * @param after  the state after, as a short Chinese text
 */
public record AuditEntry(String id, Instant at, Actor actor, AuditAction action, String target,
                         @Nullable String before, @Nullable String after,
                         @Nullable String ip, @Nullable String userAgent) {

    public static AuditEntry of(String id, Instant at, Principal who, AuditAction action, String target,
                                @Nullable String before, @Nullable String after) {
        Principal.Origin origin = who.origin();
        return new AuditEntry(id, at, Actor.of(who), action, target, before, after,
                origin == null ? null : origin.ip(), origin == null ? null : origin.userAgent());
    }
}
