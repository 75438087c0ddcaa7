package cn.lyg.xilian.core.alert;

/** Why a light is not green. Each rule has its own de-duplication occurrences, see {@link Finding}. */
public enum Rule {
    /** 临近: the deadline or a milestone is within the lead window. */
    APPROACHING("临近截止"),
    /** 逾期: the deadline or a milestone has passed and the unit has not reported 已完成. */
    OVERDUE("逾期"),
    /** 滞后: the percent complete or a target's figure is below the pro-rata expectation. */
    BEHIND("进度滞后"),
    /** 未报: no submission for too long. */
    UNREPORTED("超期未报"),
    /** The unit itself reported 受阻 or 滞后 (event-driven). */
    REPORTED_BLOCKED("上报受阻/滞后"),
    /** 预计逾期: the pair's trajectory ({@link Forecast}) reaches 100 % after its deadline; only while otherwise green. */
    PROJECTED_LATE("预计逾期");

    /** Most serious first: how digests order their tasks and counts (逾期 → 受阻/滞后 → 进度滞后 → 预计逾期 → 临近 → 未报). */
    public static final java.util.List<Rule> WORST_FIRST = java.util.List.of(
            OVERDUE, REPORTED_BLOCKED, BEHIND, PROJECTED_LATE, APPROACHING, UNREPORTED);

    private final String label;

    Rule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 0 for the most serious rule; see {@link #WORST_FIRST}. */
    public int severity() {
        return WORST_FIRST.indexOf(this);
    }
}
