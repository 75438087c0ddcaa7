package cn.lyg.xilian.core.alert;

import java.util.EnumMap;
import java.util.Map;

/**
 * A unit's line of a digest's count table: how many of its tasks have each rule, by light. The unit of count
 * is the task (of this unit): a task with two reminders of one rule counts once under that rule, and a task
 * with two rules counts under each.
 *
 * @param tasks    its tasks in the digest
 * @param redTasks those of them with a red light
 */
public record UnitTally(String unitId, String unitName, int tasks, int redTasks, Map<Rule, Map<Light, Integer>> byRule) {

    public UnitTally {
        Map<Rule, Map<Light, Integer>> copy = new EnumMap<>(Rule.class);
        byRule.forEach((rule, lights) -> copy.put(rule, Map.copyOf(lights)));
        byRule = java.util.Collections.unmodifiableMap(copy);
    }

    public int count(Rule rule, Light light) {
        return byRule.getOrDefault(rule, Map.of()).getOrDefault(light, 0);
    }
}
