package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.admin.AdminQueries;
import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.AdminPages;
import cn.lyg.xilian.web.WebSettings;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;

/** 单位与账号管理's units and links in the JSON API (Bearer, coordinators only), documented on {@link AdminApi}. */
@Controller("/api/v1/admin/units")
@Produces(MediaType.APPLICATION_JSON)
@io.micronaut.http.annotation.Consumes(MediaType.ALL)
public class AdminApiController implements AdminApi {

    private final Administer administer;
    private final AdminQueries queries;
    private final RequestBodies bodies;
    private final WebSettings settings;

    public AdminApiController(Administer administer, AdminQueries queries, RequestBodies bodies, WebSettings settings) {
        this.administer = administer;
        this.queries = queries;
        this.bodies = bodies;
        this.settings = settings;
    }

    @Override
    @Get
    public HttpResponse<?> units(BearerCaller caller) {
        AdminPages.requireCoordinator(caller);
        return HttpResponse.ok(queries.units(caller.plan().year()).stream().map(r -> AdminViews.AdminUnitView.of(r, null)).toList());
    }

    @Override
    @Get("/{unitId}")
    public HttpResponse<?> unit(BearerCaller caller, String unitId) {
        AdminPages.requireCoordinator(caller);
        return HttpResponse.ok(view(caller, unitId));
    }

    @Override
    @Post
    public HttpResponse<?> add(BearerCaller caller, HttpRequest<?> request) {
        String key = AdminJson.key(caller, request);
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(AdminViews.NewUnitRequest.class));
        return AdminJson.answer(administer.addUnit(caller.who(), AdminJson.unitInput(b), key), u -> view(caller, u.id()));
    }

    @Override
    @Put("/{unitId}")
    public HttpResponse<?> change(BearerCaller caller, HttpRequest<?> request, String unitId) {
        String key = AdminJson.key(caller, request);
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(AdminViews.UnitChangeRequest.class));
        return AdminJson.answer(administer.editUnit(caller.who(), unitId, AdminJson.version(b),
                AdminJson.unitInput(b), key), u -> view(caller, u.id()));
    }

    @Override
    @Post("/{unitId}/links")
    public HttpResponse<?> issue(BearerCaller caller, HttpRequest<?> request, String unitId) {
        return issued(administer.issueLink(caller.who(), unitId, AdminJson.key(caller, request)));
    }

    @Override
    @Post("/{unitId}/links/rotate")
    public HttpResponse<?> rotate(BearerCaller caller, HttpRequest<?> request, String unitId) {
        return issued(administer.rotateLink(caller.who(), unitId, AdminJson.key(caller, request)));
    }

    @Override
    @Post("/{unitId}/link-emails")
    public HttpResponse<?> send(BearerCaller caller, HttpRequest<?> request, String unitId) {
        return AdminJson.answer(administer.sendLink(caller.who(), unitId, AdminJson.key(caller, request)), AdminViews.LinkEmailView::of);
    }

    private AdminViews.AdminUnitView view(BearerCaller caller, String unitId) {
        return AdminViews.AdminUnitView.of(queries.unit(caller.plan().year(), unitId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_UNIT", "没有这个单位")));
    }

    private HttpResponse<?> issued(Outcome<cn.lyg.xilian.core.access.Credentials.Issued> outcome) {
        return AdminJson.answer(outcome, i -> AdminViews.IssuedLinkView.of(i, settings.getPublicBaseUrl()));
    }
}
