package cn.lyg.xilian.core.alert;

/** One reason a (task, unit) pair is not green, with the light that reason alone gives. */
public record Reason(Rule rule, Light light, String text) {
}
