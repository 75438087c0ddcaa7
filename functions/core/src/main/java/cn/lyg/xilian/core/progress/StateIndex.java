package cn.lyg.xilian.core.progress;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * States looked up by (task, unit): the one place the read side turns a list of states into "the latest report
 * of this unit on this task". A pair without a state has never reported.
 */
public final class StateIndex {

    private final Map<String, TaskUnitState> byPair = new HashMap<>();

    private StateIndex(Collection<TaskUnitState> states) {
        states.forEach(s -> byPair.put(PairKey.of(s.taskId(), s.unitId()), s));
    }

    public static StateIndex of(Collection<TaskUnitState> states) {
        return new StateIndex(states);
    }

    @Nullable
    public TaskUnitState state(String taskId, String unitId) {
        return byPair.get(PairKey.of(taskId, unitId));
    }

    /** The pair's latest report; null when it never reported. */
    @Nullable
    public Submission latest(String taskId, String unitId) {
        TaskUnitState s = state(taskId, unitId);
        return s == null ? null : s.latest();
    }
}
