package cn.lyg.xilian.core.supervision;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A coordinator's instruction on a task (督办意见), for every responsible unit ({@code unitId} null) or one.
 *
 * @param key the coordinator's idempotency key; identifies the instruction
 */
public record Instruction(int planYear, String taskId, @Nullable String unitId, String key, String text,
                          Instant issuedAt) {

    public boolean addressedTo(String unit) {
        return unitId == null || unitId.equals(unit);
    }

    public boolean sameContent(Instruction other) {
        return planYear == other.planYear && taskId.equals(other.taskId)
                && java.util.Objects.equals(unitId, other.unitId) && key.equals(other.key) && text.equals(other.text);
    }
}
