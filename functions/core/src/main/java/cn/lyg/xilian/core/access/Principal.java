package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.catalog.PlanTask;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, after the credential was checked.
 *
 * @param credentialHash identifies the credential (for logs and CSRF derivation), never the token itself
 * @param accountId      the coordinator account the credential was issued to (null for units and for coordinator
 *                       links issued before accounts existed)
 * @param origin         where the request came from, for the audit trail (null outside a request)
 */
public record Principal(Role role, @Nullable String unitId, String credentialHash, @Nullable String accountId,
                        @Nullable Origin origin) {

    /** The client address and user agent of the request, as the adapter saw them (truncated, never trusted). */
    public record Origin(@Nullable String ip, @Nullable String userAgent) {
        public static final int MAX = 256;

        public Origin {
            ip = cut(ip);
            userAgent = cut(userAgent);
        }

        private static @Nullable String cut(@Nullable String v) {
            return v == null || v.isBlank() ? null : v.length() > MAX ? v.substring(0, MAX) : v;
        }
    }

    public Principal(Role role, @Nullable String unitId, String credentialHash) {
        this(role, unitId, credentialHash, null, null);
    }

    /** The same caller, seen from where this request came. */
    public Principal from(@Nullable Origin requestOrigin) {
        return new Principal(role, unitId, credentialHash, accountId, requestOrigin);
    }

    public boolean coordinator() {
        return role == Role.COORDINATOR;
    }

    /** Coordinators see everything; a unit sees only the tasks it is responsible for. */
    public boolean maySee(PlanTask task) {
        return coordinator() || (unitId != null && task.isResponsible(unitId));
    }

    /** Only a unit reports, and only on its own tasks. A coordinator credential has no unit to report for. */
    public boolean mayReport(PlanTask task) {
        return unitId != null && task.isResponsible(unitId);
    }
}
