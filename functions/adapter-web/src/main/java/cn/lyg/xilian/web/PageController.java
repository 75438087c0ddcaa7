package cn.lyg.xilian.web;

import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.net.URI;

/**
 * The home pages: a unit's own tasks, the coordinators' overview, the public plan. The task page and the form
 * are {@link TaskPageController}'s.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class PageController {

    private final PlanCache plans;
    private final TaskQueries queries;
    private final Pages pages;

    public PageController(PlanCache plans, TaskQueries queries, Pages pages) {
        this.plans = plans;
        this.queries = queries;
        this.pages = pages;
    }

    @Get("/")
    public HttpResponse<?> home(SessionCaller caller) {
        if (caller.who().coordinator()) {
            return HttpResponse.seeOther(URI.create("/coordinator"));
        }
        Layout layout = pages.layout(caller);
        return pages.ok(new MyTasksPage(layout, queries.myTasks(caller.plan(), caller.who())));
    }

    /** Public: the plan is published openly (此件公开发布). */
    @Get("/catalog")
    public HttpResponse<?> catalog() {
        return pages.ok(new CatalogPage(pages.publicLayout(plans.plan())));
    }

    @Get("/coordinator")
    public HttpResponse<?> coordinator(SessionCaller caller) {
        Layout layout = pages.layout(caller);
        return pages.ok(new CoordinatorPage(layout, queries.overview(caller.plan(), caller.who()).rows()));
    }
}
