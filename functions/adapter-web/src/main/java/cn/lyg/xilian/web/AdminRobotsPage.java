package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.ConfigureRobots.Row;
import cn.lyg.xilian.core.chat.ChatVendor;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * admin-robots.jte, 群机器人: every group with its robot ({@code row} null), or one group's form ({@code row} set) with
 * 保存 and 移除. Nothing of a robot is shown but its vendor, its masked webhook and whether a secret is set; the
 * secret field is always empty (blank keeps the stored one).
 */
public record AdminRobotsPage(Layout layout, List<Row> rows, @Nullable Row row, FormState form,
                              @Nullable String notice, Map<String, String> keys) implements PageModel, Framed {

    public static AdminRobotsPage list(Layout layout, List<Row> rows, @Nullable String notice) {
        return new AdminRobotsPage(layout, rows, null, FormState.fresh(FormState.Form.ROBOT, null, Map.of()), notice,
                Map.of());
    }

    public static AdminRobotsPage of(Layout layout, Row row, FormState form, @Nullable String notice) {
        return new AdminRobotsPage(layout, List.of(), row, form, notice,
                Map.of("save", AdminPages.newKey(), "remove", AdminPages.newKey()));
    }

    /** A fresh form: the stored vendor, nothing of the webhook (it is never shown back), the stored version. */
    public static FormState fresh(Row row) {
        return FormState.fresh(FormState.Form.ROBOT, null, Map.of(
                "vendor", row.setting() == null ? "" : row.setting().vendor().name(),
                "version", String.valueOf(row.version())));
    }

    public static String path(Row row) {
        return "/admin/robots/" + Display.pathSegment(row.audience().key());
    }

    public boolean isList() {
        return row == null;
    }

    public String key(String form) {
        return keys.get(form);
    }

    public ChatVendor[] vendors() {
        return ChatVendor.values();
    }

    public String when(@Nullable java.time.Instant at) {
        return at == null ? "—" : fmt().time(at);
    }

    public long configured() {
        return rows.stream().filter(r -> r.setting() != null).count();
    }
}
