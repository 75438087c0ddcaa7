package cn.lyg.xilian.core.catalog;

/** The six fields of section 三 (六大领域). */
public enum Field {
    INDUSTRY("产业"),
    TECHNOLOGY("科技"),
    EDUCATION("教育"),
    HEALTH("医疗卫生"),
    CULTURE_TOURISM("文旅康养"),
    HUMAN_RESOURCES("人力资源");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The field whose label occurs in a heading such as "（四）深化医疗卫生领域帮扶合作". */
    public static java.util.Optional<Field> inHeading(String heading) {
        for (Field f : values()) {
            if (heading.contains(f.label)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
