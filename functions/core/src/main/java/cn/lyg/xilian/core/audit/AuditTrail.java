package cn.lyg.xilian.core.audit;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Tokens;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** Reading the trail: a month at a time, filtered by actor, action and target. */
public class AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** What the coordinators filter by; null or blank parts match everything. */
    public record Filter(YearMonth month, @Nullable String actorId, @Nullable AuditAction action,
                         @Nullable String targetContains) {
        public boolean matches(AuditEntry e) {
            return (actorId == null || actorId.isBlank() || e.actor().id().equals(actorId))
                    && (action == null || e.action() == action)
                    && (targetContains == null || targetContains.isBlank()
                    || e.target().toLowerCase(Locale.ROOT).contains(targetContains.strip().toLowerCase(Locale.ROOT)));
        }
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(PlanTime.ZONE));
    }

    public List<AuditEntry> entries(Filter filter) {
        return log.month(filter.month()).stream().filter(filter::matches).toList();
    }

    /**
     * The id of an action's entry: the same action on the same target under the same request key is one entry, so a
     * retried request records nothing new. 24 hex digits of SHA-256.
     */
    public static String entryId(AuditAction action, String target, String requestKey) {
        return Tokens.sha256Hex(action.name() + "\n" + target + "\n" + requestKey).substring(0, 24);
    }
}
