package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.view.Refused;
import cn.lyg.xilian.web.http.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.net.URI;

/**
 * Addresses people open again without a form: a form's post address (the page shown after an invalid post keeps
 * it in the address bar, so pressing Enter there, or a bookmark, asks for it with GET) goes back to the task page
 * instead of "method not allowed", {@code /logout} goes home; and the page after 退出.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class RevisitController {

    private final Pages pages;

    public RevisitController(Pages pages) {
        this.pages = pages;
    }

    @Get("/tasks/{id}/reviews")
    public HttpResponse<?> reviews(String id) {
        return toTask(id);
    }

    @Get("/tasks/{id}/extensions")
    public HttpResponse<?> extensions(String id) {
        return toTask(id);
    }

    @Get("/tasks/{id}/extensions/{unit}/{key}")
    public HttpResponse<?> decision(String id, String unit, String key) {
        return toTask(id);
    }

    @Get("/tasks/{id}/instructions")
    public HttpResponse<?> instructions(String id) {
        return toTask(id);
    }

    @Get("/tasks/{id}/reports/{key}/evidence")
    public HttpResponse<?> evidence(String id, String key) {
        return toTask(id);
    }

    /** 退出 is a post (with the session's CSRF token); the address opened by itself signs nobody out. */
    @Get("/logout")
    public HttpResponse<?> logout() {
        return HttpResponse.seeOther(URI.create("/"));
    }

    /** Where 退出 ends: said in Chinese, with the way to sign in again and the plan's link. */
    @Get("/signed-out")
    public HttpResponse<?> signedOut(HttpRequest<?> request) {
        return pages.ok(new MessagePage(pages.layoutOf(request, true), "已退出", "您已退出登录。", null, true));
    }

    /** The id matched against the task grammar before it reaches the address (the task page checks the rest). */
    private static HttpResponse<?> toTask(String id) {
        if (!PlanTask.validId(id)) {
            throw Refused.unknownTask(id);
        }
        return HttpResponse.seeOther(URI.create("/tasks/" + Display.pathSegment(id)));
    }
}
