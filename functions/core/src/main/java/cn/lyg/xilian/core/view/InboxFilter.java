package cn.lyg.xilian.core.view;

import org.jspecify.annotations.Nullable;

/** Narrows the 待办 to one unit, one section of the plan and/or one kind; nulls mean all. */
public record InboxFilter(@Nullable String unitId, @Nullable String sectionId, Inbox.@Nullable Kind kind) {

    public static InboxFilter all() {
        return new InboxFilter(null, null, null);
    }

    /**
     * From request parameters: blank means all; {@code kind} is one of {@link Inbox.Kind}'s names exactly. Unknown
     * units and sections are refused by {@link InboxQueries#inbox}, which has the plan.
     */
    public static InboxFilter parse(@Nullable String unit, @Nullable String section, @Nullable String kind) {
        Inbox.Kind k = null;
        if (kind != null && !kind.isBlank()) {
            k = java.util.Arrays.stream(Inbox.Kind.values()).filter(v -> v.name().equals(kind)).findFirst()
                    .orElseThrow(() -> Refused.badFilter("待办类别只能是 REVIEW、EXTENSION、RETURNED、SILENT 或 UNREAD"));
        }
        return new InboxFilter(blankToNull(unit), blankToNull(section), k);
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v;
    }

    public boolean isAll() {
        return unitId == null && sectionId == null && kind == null;
    }
}
