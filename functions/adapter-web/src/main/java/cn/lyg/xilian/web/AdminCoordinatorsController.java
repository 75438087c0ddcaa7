package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.FormState.Form;
import cn.lyg.xilian.web.http.SessionCaller;
import cn.lyg.xilian.web.http.SignedForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

import java.net.URI;
import java.util.Map;

/**
 * 统筹人员 (coordinators only): the accounts, adding one (the page then offers to send them their link), sending a
 * link, removing one (never the last). Plain forms answered by a redirect with a notice, or the form as typed.
 */
@Controller("/admin/coordinators")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.ALL)
public class AdminCoordinatorsController {

    private final Administer administer;
    private final AdminPages admin;

    public AdminCoordinatorsController(Administer administer, AdminPages admin) {
        this.administer = administer;
        this.admin = admin;
    }

    /** {@code added}: the account just added (a c- id, else ignored), whose row offers 发送登录链接. */
    @Get
    public HttpResponse<?> list(SessionCaller caller, @QueryValue @Nullable String done,
                                @QueryValue @Nullable String added) {
        Layout layout = admin.layout(caller);
        return admin.pages().ok(new AdminCoordinatorsPage(layout, admin.queries().coordinators(),
                FormState.fresh(Form.COORDINATOR, null, Map.of()), AdminPages.notice(done),
                CoordinatorAccount.validId(added) ? added : null, AdminPages.newKey()));
    }

    @Post
    public HttpResponse<?> add(SignedForm f) {
        AdminPages.requireCoordinator(f.caller());
        Outcome<CoordinatorAccount> outcome = administer.addCoordinator(f.caller().who(), f.get("name"),
                f.get("email"), f.get("idempotencyKey"));
        if (outcome instanceof Outcome.Invalid<?> invalid) {
            return admin.pages().render(HttpStatus.UNPROCESSABLE_ENTITY, new AdminCoordinatorsPage(
                    admin.layout(f.caller()), admin.queries().coordinators(),
                    FormState.failed(Form.COORDINATOR, null, f.fields(), invalid.errors()), null, null,
                    AdminPages.newKey()));
        }
        return HttpResponse.seeOther(URI.create("/admin/coordinators?done=added&added="
                + AdminPages.done(outcome).id()));
    }

    @Post("/{accountId}/link-emails")
    public HttpResponse<?> send(SignedForm f, String accountId) {
        AdminPages.requireCoordinator(f.caller());
        AdminPages.done(administer.sendCoordinatorLink(f.caller().who(), accountId, f.get("idempotencyKey")));
        return AdminPages.redirect("/admin/coordinators", "sent");
    }

    /** The last active coordinator is not removed (the error page says so). */
    @Post("/{accountId}/remove")
    public HttpResponse<?> remove(SignedForm f, String accountId) {
        AdminPages.requireCoordinator(f.caller());
        AdminPages.done(administer.removeCoordinator(f.caller().who(), accountId, f.get("idempotencyKey")));
        return AdminPages.redirect("/admin/coordinators", "removed");
    }
}
