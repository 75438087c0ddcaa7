package cn.lyg.xilian.core.progress;

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

    /** Exactly the name ("RETURNED", what the form and the API send) or the label ("退回"); no other case. */
    public static Optional<ReviewDecision> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (ReviewDecision d : values()) {
            if (d.name().equals(raw) || d.label.equals(raw)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
