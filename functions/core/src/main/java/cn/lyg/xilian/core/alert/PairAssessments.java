package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.progress.PairKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessments of an {@link Evaluation} by (task, unit) pair. The one home of the rule for a pair the rules did
 * not assess (no state to judge, a unit not in this evaluation): it is green, with no reason.
 */
public final class PairAssessments {

    private final Map<String, Assessment> byPair = new HashMap<>();

    PairAssessments(List<Assessment> assessments) {
        assessments.forEach(a -> byPair.put(PairKey.of(a.taskId(), a.unitId()), a));
    }

    public Assessment of(String taskId, String unitId) {
        Assessment a = byPair.get(PairKey.of(taskId, unitId));
        return a != null ? a : new Assessment(taskId, unitId, Light.GREEN, List.of());
    }
}
