package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.view.InboxQueries;
import cn.lyg.xilian.core.view.YearEnd;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.InboxParams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;

/**
 * The coordinators' 待办 and 年度总结 in the JSON API (Bearer only): the same lists as the 待办 page, the same summary as
 * the 年度总结 page and its files.
 */
@Controller("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InboxApiController implements InboxApi {

    private final InboxQueries inbox;
    private final YearEnd yearEnd;

    public InboxApiController(InboxQueries inbox, YearEnd yearEnd) {
        this.inbox = inbox;
        this.yearEnd = yearEnd;
    }

    @Override
    @Get("/inbox")
    public HttpResponse<?> inbox(BearerCaller caller, HttpRequest<?> request) {
        return HttpResponse.ok(ApiViews.InboxView.of(
                inbox.inbox(caller.plan(), caller.who(), InboxParams.parse(request.getParameters()))));
    }

    /** The year is the path's (not ?year=): in January the year just closed while the new one is current. */
    @Override
    @Get("/summary/{year}")
    public HttpResponse<?> summary(BearerCaller caller, @PathVariable String year) {
        return HttpResponse.ok(ApiViews.YearSummaryView.of(yearEnd.summary(caller::planOf, caller.who(), year)));
    }
}
