package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.admin.AdminQueries;
import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.web.AdminPages;
import cn.lyg.xilian.web.http.AuditParams;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.tree.JsonNode;

/**
 * Coordinator accounts, revoking a link and 操作留痕 in the JSON API (Bearer, coordinators only), documented on
 * {@link AdminAccountsApi}.
 */
@Controller("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.ALL)
public class AdminAccountsApiController implements AdminAccountsApi {

    private final Administer administer;
    private final AdminQueries queries;
    private final AuditTrail trail;
    private final RequestBodies bodies;

    public AdminAccountsApiController(Administer administer, AdminQueries queries, AuditTrail trail,
                                      RequestBodies bodies) {
        this.administer = administer;
        this.queries = queries;
        this.trail = trail;
        this.bodies = bodies;
    }

    @Override
    @Delete("/links/{hash}")
    public HttpResponse<?> revoke(BearerCaller caller, HttpRequest<?> request, String hash) {
        return AdminJson.answer(administer.revokeLink(caller.who(), hash, AdminJson.key(caller, request)),
                AdminViews.RevokedLinkView::of);
    }

    @Override
    @Get("/coordinators")
    public HttpResponse<?> coordinators(BearerCaller caller) {
        AdminPages.requireCoordinator(caller);
        return HttpResponse.ok(new AdminViews.CoordinatorsView(queries.coordinators().stream()
                .map(r -> AdminViews.CoordinatorView.of(r.account(), r.link())).toList()));
    }

    @Override
    @Post("/coordinators")
    public HttpResponse<?> addCoordinator(BearerCaller caller, HttpRequest<?> request) {
        String key = AdminJson.key(caller, request);
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(AdminViews.CoordinatorRequest.class));
        return AdminJson.answer(administer.addCoordinator(caller.who(), RequestBodies.text(b, "name"),
                RequestBodies.text(b, "email"), key), a -> AdminViews.CoordinatorView.of(a, null));
    }

    @Override
    @Post("/coordinators/{id}/link-emails")
    public HttpResponse<?> sendCoordinatorLink(BearerCaller caller, HttpRequest<?> request, String id) {
        return AdminJson.answer(administer.sendCoordinatorLink(caller.who(), id, AdminJson.key(caller, request)),
                AdminViews.LinkEmailView::of);
    }

    @Override
    @Delete("/coordinators/{id}")
    public HttpResponse<?> removeCoordinator(BearerCaller caller, HttpRequest<?> request, String id) {
        return AdminJson.answer(administer.removeCoordinator(caller.who(), id, AdminJson.key(caller, request)),
                a -> AdminViews.CoordinatorView.of(a, null));
    }

    @Override
    @Get("/audit")
    public HttpResponse<?> audit(BearerCaller caller, HttpRequest<?> request) {
        AdminPages.requireCoordinator(caller);
        AuditTrail.Filter filter = AuditParams.parse(request.getParameters(), trail.currentMonth());
        AdminQueries.Names names = queries.names();
        return HttpResponse.ok(new AdminViews.AuditView(filter.month().toString(),
                trail.entries(filter).stream().map(e -> AdminViews.AuditEntryView.of(e, names)).toList()));
    }
}
