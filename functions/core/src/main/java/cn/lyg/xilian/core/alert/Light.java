package cn.lyg.xilian.core.alert;

/** The traffic light of a (task, unit) pair or of a task. Declared from best to worst. */
public enum Light {
    GREEN("绿"),
    YELLOW("黄"),
    RED("红");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The worse of two lights: a task's light is the worst of its units' lights. */
    public Light worst(Light other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
