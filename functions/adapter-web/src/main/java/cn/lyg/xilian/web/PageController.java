package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanYears;
import cn.lyg.xilian.core.view.Inbox;
import cn.lyg.xilian.core.view.InboxQueries;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.InboxParams;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The home pages: a unit's own tasks, the coordinators' 待办 and overview, the public plan. The task page and the form
 * are {@link TaskPageController}'s.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class PageController {

    private final PlanCache plans;
    private final TaskQueries queries;
    private final InboxQueries inbox;
    private final Pages pages;

    public PageController(PlanCache plans, TaskQueries queries, InboxQueries inbox, Pages pages) {
        this.plans = plans;
        this.queries = queries;
        this.inbox = inbox;
        this.pages = pages;
    }

    /** A unit lands on its tasks, a coordinator on the 待办. */
    @Get("/")
    public HttpResponse<?> home(SessionCaller caller, HttpRequest<?> request) {
        if (caller.who().coordinator()) {
            return HttpResponse.seeOther(URI.create("/inbox"));
        }
        Layout layout = pages.layout(caller);
        if (request.getParameters().contains("year")) {
            return pages.ok(new MyTasksPage(layout, queries.myTasks(caller.plan(), caller.who())));
        }
        // Every year the unit reports on (进行中 and 收尾), newest first, as each year's catalog gives it its tasks.
        PlanYears years = plans.years();
        List<MyTasksPage.YearTasks> groups = new ArrayList<>();
        for (int year : years.open(plans.today()).reversed()) {
            Plan plan = year == caller.plan().year() ? caller.plan() : plans.plan(year);
            if (plan.unit(caller.who().unitId()).isPresent()) {
                groups.add(new MyTasksPage.YearTasks(year, year + "年计划（" + years.state(year, plans.today()).label()
                        + "）", year == years.current(plans.today()).orElse(year) ? "" : "?year=" + year,
                        queries.myTasks(plan, caller.who())));
            }
        }
        return pages.ok(groups.isEmpty() ? new MyTasksPage(layout, queries.myTasks(caller.plan(), caller.who()))
                : new MyTasksPage(layout, groups));
    }

    /** Public: the plan is published openly (此件公开发布); signed in, with the site's navigation. */
    @Get("/catalog")
    public HttpResponse<?> catalog(HttpRequest<?> request) {
        Layout layout = pages.layoutOf(request, true);
        return pages.ok(new CatalogPage(layout != null ? layout : pages.publicLayout(plans.plan())));
    }

    /** {@code ?unit=&section=&kind=} narrow it. */
    @Get("/inbox")
    public HttpResponse<?> inbox(SessionCaller caller, HttpRequest<?> request) {
        Inbox box = inbox.inbox(caller.plan(), caller.who(), InboxParams.parse(request.getParameters()));
        return pages.ok(new InboxPage(pages.layout(caller, box.forCoordinators()), box));
    }

    @Get("/coordinator")
    public HttpResponse<?> coordinator(SessionCaller caller) {
        Layout layout = pages.layout(caller);
        return pages.ok(new CoordinatorPage(layout, queries.overview(caller.plan(), caller.who()).rows()));
    }
}
