package cn.lyg.xilian.core.catalog;

/** The four kinds of responsible unit named in a plan. */
public enum UnitKind {
    COUNTY("县区"),
    CITY_DEPARTMENT("市级部门"),
    PARK("园区基地"),
    WORK_TEAM("工作队");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
