package cn.lyg.xilian.core.supervision;

import java.util.Optional;

/** A coordinator's verdict on one report. */
public enum ReviewDecision {
    ACCEPTED("通过"),
    RETURNED("退回");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By name ("RETURNED") or label ("退回"). */
    public static Optional<ReviewDecision> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip();
        for (ReviewDecision d : values()) {
            if (d.name().equalsIgnoreCase(v) || d.label.equals(v)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
