package cn.lyg.xilian.core.catalog;

/** A (task, unit) pair of a plan: one responsible unit of one task, the unit that reports on it. */
public record TaskUnit(String taskId, String unitId) {
}
