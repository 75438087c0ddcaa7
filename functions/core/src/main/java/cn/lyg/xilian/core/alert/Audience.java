package cn.lyg.xilian.core.alert;

/**
 * Who an alert goes to: the contacts of one unit, or the coordinators (市发改委). Each audience
 * receives one email per run, and delivery is tracked per audience.
 *
 * @param unitId the unit, or null for the coordinators
 */
public record Audience(String unitId) {

    public static final Audience COORDINATORS = new Audience(null);

    private static final String COORDINATORS_KEY = "coordinators";
    private static final String UNIT_PREFIX = "unit:";

    public static Audience unit(String unitId) {
        if (unitId == null || unitId.isBlank()) {
            throw new IllegalArgumentException("unit id required");
        }
        return new Audience(unitId);
    }

    public boolean isCoordinators() {
        return unitId == null;
    }

    /** A stable string for storage: "coordinators" or "unit:<id>". */
    public String key() {
        return isCoordinators() ? COORDINATORS_KEY : UNIT_PREFIX + unitId;
    }

    public static Audience ofKey(String key) {
        if (COORDINATORS_KEY.equals(key)) {
            return COORDINATORS;
        }
        if (key != null && key.startsWith(UNIT_PREFIX)) {
            return unit(key.substring(UNIT_PREFIX.length()));
        }
        throw new IllegalArgumentException("not an audience key: " + key);
    }

    @Override
    public String toString() {
        return key();
    }
}
