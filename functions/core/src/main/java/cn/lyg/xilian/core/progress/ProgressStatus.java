package cn.lyg.xilian.core.progress;

import java.util.Optional;

/** The status a unit reports for a task. */
public enum ProgressStatus {
    NOT_STARTED("未启动"),
    IN_PROGRESS("推进中"),
    DONE("已完成"),
    BEHIND("滞后"),
    BLOCKED("受阻");

    private final String label;

    ProgressStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the enum name ("IN_PROGRESS") or the Chinese label ("推进中"). */
    public static Optional<ProgressStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (ProgressStatus s : values()) {
            if (s.name().equalsIgnoreCase(v) || s.label.equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
