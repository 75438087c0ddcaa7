package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Plan;
import org.jspecify.annotations.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The board's filters and sort, as given in the query string ({@code ?section=3.1&field=EDUCATION&unit=donghai
 * &light=RED&sort=risk&review=PENDING}); {@code light=NOT_GREEN} keeps the red and yellow tasks (the alert emails
 * link there); {@code review=PENDING} the tasks where a unit's latest report waits for review (待审核). An empty value means "all": the filter form submits every select, chosen or not.
 * Unknown values are refused (400) rather than ignored, so a mistyped link never silently shows everything.
 */
public record BoardQuery(@Nullable String sectionId, @Nullable Field field, @Nullable String unitId,
                         @Nullable Light light, boolean notGreen, Sort sort, boolean awaitingReview) {

    /** The {@code light} value of "red or yellow". */
    public static final String NOT_GREEN = "NOT_GREEN";
    /** The {@code review} value of "a unit's latest report waits for review" (待审核). */
    public static final String PENDING_REVIEW = "PENDING";

    /** Plan order is the default: it is the order of the notice, which readers know. */
    public enum Sort {
        PLAN("计划顺序"),
        DEADLINE("截止时间"),
        RISK("风险");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static BoardQuery all() {
        return new BoardQuery(null, null, null, null, false, Sort.PLAN, false);
    }

    /**
     * The filters as given, each a single value or null; blank means "all". Unknown values are refused
     * ({@link Refused}, code BAD_FILTER or UNKNOWN_UNIT).
     */
    public static BoardQuery parse(Plan plan, @Nullable String section, @Nullable String field, @Nullable String unit,
                                   @Nullable String light, @Nullable String sort, @Nullable String review) {
        String reviewValue = blankToNull(review);
        if (reviewValue != null && !PENDING_REVIEW.equals(reviewValue)) {
            throw bad("审核筛选只能是 PENDING（待审核）");
        }
        String sectionId = blankToNull(section);
        if (sectionId != null && plan.section(sectionId).isEmpty()) {
            throw bad("计划中没有板块“" + sectionId + "”");
        }
        String unitId = blankToNull(unit);
        if (unitId != null && plan.unit(unitId).isEmpty()) {
            throw Refused.unknownUnit(unitId);
        }
        String lightValue = blankToNull(light);
        boolean notGreen = NOT_GREEN.equalsIgnoreCase(lightValue) || "红黄".equals(lightValue);
        return new BoardQuery(sectionId, parseField(blankToNull(field)), unitId,
                notGreen ? null : parseLight(lightValue), notGreen, parseSort(blankToNull(sort)), reviewValue != null);
    }

    /** The query string of these filters with another sort, for the sort links. */
    public String withSort(Sort other) {
        return new BoardQuery(sectionId, field, unitId, light, notGreen, other, awaitingReview).queryString();
    }

    /** "section=3.1&sort=risk" (empty when nothing is set); the download links carry the same filters. */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        add(parts, "section", sectionId);
        add(parts, "field", field == null ? null : field.name());
        add(parts, "unit", unitId);
        add(parts, "light", notGreen ? NOT_GREEN : light == null ? null : light.name());
        add(parts, "review", awaitingReview ? PENDING_REVIEW : null);
        if (sort != Sort.PLAN) {
            add(parts, "sort", sort.param());
        }
        return String.join("&", parts);
    }

    public boolean filtered() {
        return sectionId != null || field != null || unitId != null || light != null || notGreen || awaitingReview;
    }

    private static void add(List<String> parts, String name, @Nullable String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    @Nullable
    private static Field parseField(@Nullable String value) {
        return byNameOrLabel(Field.values(), Field::label, value, "没有领域“" + value + "”");
    }

    @Nullable
    private static Light parseLight(@Nullable String value) {
        return byNameOrLabel(Light.values(), Light::label, value, "灯号只能是红、黄、绿或红黄（NOT_GREEN）");
    }

    /** The constant named (any case) or labelled {@code value}; null for null; refused when there is none. */
    @Nullable
    private static <E extends Enum<E>> E byNameOrLabel(E[] constants, Function<E, String> label,
                                                       @Nullable String value, String refusal) {
        if (value == null) {
            return null;
        }
        for (E e : constants) {
            if (e.name().equalsIgnoreCase(value) || label.apply(e).equals(value)) {
                return e;
            }
        }
        throw bad(refusal);
    }

    private static Sort parseSort(@Nullable String value) {
        if (value == null) {
            return Sort.PLAN;
        }
        for (Sort s : Sort.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw bad("排序只能是 plan、deadline 或 risk");
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Refused bad(String message) {
        return Refused.badFilter(message);
    }
}
