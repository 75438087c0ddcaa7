package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.admin.AdminQueries.UnitDetail;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.catalog.UnitKind;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * admin-unit.jte: one unit (its edit form and link buttons) or, {@code detail} null, the form of a new unit. Each form
 * carries its own fresh idempotency key ({@code keys}), so a retried post of one button is one action.
 */
public record AdminUnitPage(Layout layout, @Nullable UnitDetail detail, FormState form, @Nullable String notice,
                            Map<String, String> keys) implements PageModel, Framed {

    public static AdminUnitPage of(Layout layout, @Nullable UnitDetail detail, FormState form, @Nullable String notice) {
        return new AdminUnitPage(layout, detail, form, notice, Map.of("edit", AdminPages.newKey(),
                "send", AdminPages.newKey(), "issue", AdminPages.newKey(), "rotate", AdminPages.newKey(),
                "active", AdminPages.newKey(), "revoke", AdminPages.newKey()));
    }

    /** The form's values as the unit now is (contacts and aliases one per line). */
    public static Map<String, String> values(UnitProfile u) {
        Map<String, String> v = new java.util.HashMap<>();
        v.put("contacts", String.join("\n", u.contacts()));
        v.put("aliases", String.join("\n", u.aliases()));
        v.put("liaisonName", u.liaisonName() == null ? "" : u.liaisonName());
        v.put("liaisonPhone", u.liaisonPhone() == null ? "" : u.liaisonPhone());
        return v;
    }

    public boolean isNew() {
        return detail == null;
    }

    public UnitProfile unit() {
        return detail.row().unit();
    }

    public String path() {
        return isNew() ? "/admin/units" : AdminUnitsPage.unitPath(unit().id());
    }

    public String key(String form) {
        return keys.get(form);
    }

    public UnitKind[] kinds() {
        return UnitKind.values();
    }

    public String when(@Nullable java.time.Instant at) {
        return at == null ? "—" : fmt().time(at);
    }

    /** A link by the first 8 hex digits of its hash (what the trail and the command line print). */
    public static String prefix(Credential c) {
        return c.hash().substring(0, 8);
    }

    public String expires(Credential c) {
        return c.expiresAt() == null ? "不过期" : fmt().time(c.expiresAt()) + " 到期";
    }
}
