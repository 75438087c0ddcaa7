package cn.lyg.xilian.core.view;

/**
 * One bar of the completion chart: the average percent of the (task, unit) pairs of one field (or, for the
 * two sections without a field, of that section).
 */
public record FieldBar(String label, int percent, int pairs, int done) {
}
