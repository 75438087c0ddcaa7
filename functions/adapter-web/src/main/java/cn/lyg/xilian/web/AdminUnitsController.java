package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.AdminQueries.UnitDetail;
import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.FormState.Form;
import cn.lyg.xilian.web.http.SessionCaller;
import cn.lyg.xilian.web.http.SignedForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

import java.util.Map;

/**
 * 单位与账号管理 (coordinators only): the units, a unit's edit form, the add-unit form, 停用/启用. Plain forms (CSRF token,
 * idempotency key) answered by a redirect with a notice, or the form as typed; the links are AdminLinksController's.
 */
@Controller("/admin/units")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.ALL)
public class AdminUnitsController {

    private final Administer administer;
    private final AdminPages admin;

    public AdminUnitsController(Administer administer, AdminPages admin) {
        this.administer = administer;
        this.admin = admin;
    }

    @Get
    public HttpResponse<?> units(SessionCaller caller, @QueryValue @Nullable String done) {
        Layout layout = admin.layout(caller);
        return admin.pages().ok(new AdminUnitsPage(layout, admin.queries().units(caller.plan().year()),
                AdminPages.notice(done)));
    }

    @Get("/new")
    public HttpResponse<?> newUnit(SessionCaller caller) {
        return admin.pages().ok(AdminUnitPage.of(admin.layout(caller), null,
                FormState.fresh(Form.NEW_UNIT, null, Map.of()), null));
    }

    @Post
    public HttpResponse<?> add(SignedForm f) {
        AdminPages.requireCoordinator(f.caller());
        Outcome<UnitProfile> outcome = administer.addUnit(f.caller().who(), AdminPages.unitInput(f), f.get("idempotencyKey"));
        return outcome instanceof Outcome.Invalid<?> invalid ? admin.unitFormFailed(f, null, invalid)
                : AdminPages.redirect(AdminUnitsPage.unitPath(AdminPages.done(outcome).id()), "added");
    }

    @Get("/{unitId}")
    public HttpResponse<?> unit(SessionCaller caller, String unitId, @QueryValue @Nullable String done) {
        UnitDetail detail = admin.unit(caller, unitId);
        return admin.pages().ok(AdminUnitPage.of(admin.layout(caller), detail, FormState.fresh(Form.UNIT, unitId,
                AdminUnitPage.values(detail.row().unit())), AdminPages.notice(done)));
    }

    @Post("/{unitId}")
    public HttpResponse<?> edit(SignedForm f, String unitId) {
        UnitDetail detail = admin.unit(f.caller(), unitId);
        Outcome<UnitProfile> outcome = administer.editUnit(f.caller().who(), unitId, AdminPages.version(f), AdminPages.unitInput(f),
                f.get("idempotencyKey"));
        return outcome instanceof Outcome.Invalid<?> invalid ? admin.unitFormFailed(f, detail, invalid)
                : AdminPages.redirect(AdminUnitsPage.unitPath(AdminPages.done(outcome).id()), "saved");
    }

    /** {@code active=true|false}; a unit with open tasks is not deactivated (the error page says how many). */
    @Post("/{unitId}/active")
    public HttpResponse<?> active(SignedForm f, String unitId) {
        boolean active = "true".equals(f.get("active"));
        AdminPages.done(administer.setActive(f.caller().who(), f.caller().plan(), unitId, active, AdminPages.version(f),
                f.get("idempotencyKey")));
        return AdminPages.redirect(AdminUnitsPage.unitPath(unitId), active ? "activated" : "deactivated");
    }
}
