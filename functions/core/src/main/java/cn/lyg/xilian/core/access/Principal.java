package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.catalog.PlanTask;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, after the credential was checked.
 *
 * @param credentialHash identifies the credential (for logs and CSRF derivation), never the token itself
 */
public record Principal(Role role, @Nullable String unitId, String credentialHash) {

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
