package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.view.InboxQueries;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.InboxParams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** The coordinators' 待办 in the JSON API (Bearer only), the same lists as the page. */
@Controller("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InboxApiController implements InboxApi {

    private final InboxQueries inbox;

    public InboxApiController(InboxQueries inbox) {
        this.inbox = inbox;
    }

    @Override
    @Get("/inbox")
    public HttpResponse<?> inbox(BearerCaller caller, HttpRequest<?> request) {
        return HttpResponse.ok(ApiViews.InboxView.of(
                inbox.inbox(caller.plan(), caller.who(), InboxParams.parse(request.getParameters()))));
    }
}
