package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.AdminQueries.UnitRow;
import cn.lyg.xilian.core.admin.LinkState;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** admin-units.jte: 单位与账号管理's list of every unit (a table on a desk, cards under 600 px). */
public record AdminUnitsPage(Layout layout, List<UnitRow> rows, @Nullable String notice)
        implements PageModel, Framed {

    public static String unitPath(String unitId) {
        return "/admin/units/" + Display.pathSegment(unitId);
    }

    /** "张三 13800000000", or "—". */
    public static String liaison(UnitRow row) {
        var u = row.unit();
        String text = ((u.liaisonName() == null ? "" : u.liaisonName()) + " "
                + (u.liaisonPhone() == null ? "" : u.liaisonPhone())).strip();
        return text.isEmpty() ? "—" : text;
    }

    public String when(@Nullable java.time.Instant at) {
        return at == null ? "—" : fmt().time(at);
    }

    /** "2026-12-01 09:30 发往 a@x、b@y", or "从未发送". */
    public String linkSent(UnitRow row) {
        var u = row.unit();
        return u.linkSentAt() == null ? "从未发送" : fmt().time(u.linkSentAt()) + " 发往 " + String.join("、", u.linkSentTo());
    }

    /** A link that needs attention stands out (expiring, expired, revoked, never issued). */
    public static String linkClass(LinkState state) {
        return state.kind() == LinkState.Kind.VALID ? "ok" : "err";
    }
}
