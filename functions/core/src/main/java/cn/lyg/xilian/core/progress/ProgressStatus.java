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

    /**
     * Exactly the enum name ("IN_PROGRESS") or the Chinese label ("推进中"): no other case, no spaces around, so
     * that every client sends one of the documented values (the form's select sends the name).
     */
    public static Optional<ProgressStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ProgressStatus s : values()) {
            if (s.name().equals(value) || s.label.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
