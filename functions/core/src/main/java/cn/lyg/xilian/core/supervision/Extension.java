package cn.lyg.xilian.core.supervision;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's request for a later deadline (延期申请) and, once decided, the coordinators' decision. The request
 * part is written once; the decision is added once and never changed.
 *
 * @param key          the unit's idempotency key; identifies the request
 * @param planDeadline the plan's deadline when the request was made (stays visible beside the new one)
 * @param grantedDate  the approved date (the requested one, or another chosen by the coordinator)
 */
public record Extension(int planYear, String taskId, String unitId, String key, LocalDate planDeadline,
                        LocalDate requestedDate, String reason, Instant requestedAt,
                        @Nullable Decision decision, @Nullable LocalDate grantedDate, @Nullable String note,
                        @Nullable Instant decidedAt) {

    public enum Decision {
        APPROVED("批准"),
        REJECTED("不予批准");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean pending() {
        return decision == null;
    }

    public boolean approved() {
        return decision == Decision.APPROVED;
    }

    public Extension decided(Decision d, @Nullable LocalDate granted, @Nullable String decisionNote, Instant at) {
        return new Extension(planYear, taskId, unitId, key, planDeadline, requestedDate, reason, requestedAt, d,
                d == Decision.APPROVED ? granted : null, decisionNote, at);
    }

    public boolean sameRequest(Extension other) {
        return planYear == other.planYear && taskId.equals(other.taskId) && unitId.equals(other.unitId)
                && key.equals(other.key) && requestedDate.equals(other.requestedDate) && reason.equals(other.reason);
    }

    public boolean sameDecision(Extension other) {
        return decision == other.decision && java.util.Objects.equals(grantedDate, other.grantedDate)
                && java.util.Objects.equals(note, other.note);
    }
}
