package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.admin.AdminQueries.UnitDetail;
import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.web.http.SignedForm;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A unit's sign-in links on its page of 单位与账号管理: 发送登录链接 (to its registered addresses only), 签发新链接 and
 * 更换链接 (the link shown once, in the answer to the post: never in an address), 撤销 (by the link's hash, which is not
 * the token). Coordinators only; each form with the session's CSRF token and its idempotency key.
 */
@Controller("/admin/units/{unitId}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.ALL)
public class AdminLinksController {

    private final Administer administer;
    private final AdminPages admin;
    private final WebSettings settings;

    public AdminLinksController(Administer administer, AdminPages admin, WebSettings settings) {
        this.administer = administer;
        this.admin = admin;
        this.settings = settings;
    }

    @Post("/link-emails")
    public HttpResponse<?> send(SignedForm f, String unitId) {
        AdminPages.requireCoordinator(f.caller());
        AdminPages.done(administer.sendLink(f.caller().who(), unitId, f.get("idempotencyKey")));
        return AdminPages.redirect(AdminUnitsPage.unitPath(unitId), "sent");
    }

    @Post("/links")
    public HttpResponse<?> issue(SignedForm f, String unitId) {
        UnitDetail unit = admin.unit(f.caller(), unitId);
        return shown(f, unit, AdminPages.done(administer.issueLink(f.caller().who(), unitId, f.get("idempotencyKey"))),
                false);
    }

    @Post("/links/rotate")
    public HttpResponse<?> rotate(SignedForm f, String unitId) {
        UnitDetail unit = admin.unit(f.caller(), unitId);
        return shown(f, unit, AdminPages.done(administer.rotateLink(f.caller().who(), unitId,
                f.get("idempotencyKey"))), true);
    }

    /** {@code hash}: the link's full SHA-256 (the page lists each live link by its first 8 digits). */
    @Post("/links/revoke")
    public HttpResponse<?> revoke(SignedForm f, String unitId) {
        AdminPages.requireCoordinator(f.caller());
        AdminPages.done(administer.revokeLink(f.caller().who(), f.get("hash"), f.get("idempotencyKey")));
        return AdminPages.redirect(AdminUnitsPage.unitPath(unitId), "revoked");
    }

    private HttpResponse<?> shown(SignedForm f, UnitDetail unit, Credentials.Issued issued, boolean rotated) {
        String link = settings.getPublicBaseUrl() + "/login?token="
                + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8);
        // Not stored by the browser either: the page holds a credential.
        return admin.pages().ok(new LinkIssuedPage(admin.layout(f.caller()), unit.row().unit(), issued, link, rotated))
                .header("Cache-Control", "no-store");
    }
}
