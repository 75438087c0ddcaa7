package cn.lyg.xilian.core.audit;

import cn.lyg.xilian.core.access.Principal;

/**
 * Who did something on record. {@code id} is a coordinator account's id, a unit's id, {@code cli} for the command line
 * or {@code system} for a job; names are resolved when the trail is shown (a removed coordinator keeps its name).
 */
public record Actor(Kind kind, String id) {

    public enum Kind {
        COORDINATOR("统筹人员"), UNIT("责任单位"), OPERATOR("运维命令行"), SYSTEM("系统");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final Actor OPERATOR = new Actor(Kind.OPERATOR, "cli");
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system");
    /** A coordinator signed in with a link issued before coordinator accounts existed. */
    public static final String UNNAMED_COORDINATOR = "coordinator";

    public static Actor of(Principal who) {
        if (who.coordinator()) {
            return new Actor(Kind.COORDINATOR, who.accountId() == null ? UNNAMED_COORDINATOR : who.accountId());
        }
        return new Actor(Kind.UNIT, who.unitId());
    }
}
