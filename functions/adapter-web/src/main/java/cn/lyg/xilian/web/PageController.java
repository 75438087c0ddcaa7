package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.net.URI;
import java.util.Map;

/**
 * The home pages: a unit's own tasks, the coordinators' overview, the public plan. The task page and the form
 * are {@link TaskPageController}'s. Blocking executor: every request does DynamoDB calls.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class PageController {

    private final Authenticator auth;
    private final PlanCache plans;
    private final TaskQueries queries;
    private final Display display;
    private final Pages pages;

    public PageController(Authenticator auth, PlanCache plans, TaskQueries queries, Display display, Pages pages) {
        this.auth = auth;
        this.plans = plans;
        this.queries = queries;
        this.display = display;
        this.pages = pages;
    }

    @Get("/")
    public HttpResponse<?> home(HttpRequest<?> request) {
        Principal who = auth.requireSession(request);
        if (who.coordinator()) {
            return HttpResponse.seeOther(URI.create("/coordinator"));
        }
        Plan plan = plans.plan();
        Map<String, Object> model = ViewModels.base(plan, who, display);
        model.put("rows", queries.myTasks(plan, who).rows());
        model.put("unitName", display.unitName(plan, who.unitId()));
        return pages.ok("mytasks", model, request);
    }

    /** Public: the plan is published openly (此件公开发布). */
    @Get("/catalog")
    public HttpResponse<?> catalog(HttpRequest<?> request) {
        return pages.ok("catalog", ViewModels.base(plans.plan(), null, display), request);
    }

    @Get("/coordinator")
    public HttpResponse<?> coordinator(HttpRequest<?> request) {
        Principal who = auth.requireSession(request);
        Plan plan = plans.plan();
        Map<String, Object> model = ViewModels.base(plan, who, display);
        model.put("rows", queries.overview(plan, who).rows());
        return pages.ok("coordinator", model, request);
    }
}
