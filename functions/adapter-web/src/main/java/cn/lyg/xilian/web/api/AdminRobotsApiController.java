package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.ConfigureRobots.Row;
import cn.lyg.xilian.web.AdminPages;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;

/** 群机器人 in the JSON API (Bearer, coordinators only), documented on {@link AdminRobotsApi}. */
@Controller("/api/v1/admin/robots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.ALL)
public class AdminRobotsApiController implements AdminRobotsApi {

    private final ConfigureRobots robots;
    private final RequestBodies bodies;

    public AdminRobotsApiController(ConfigureRobots robots, RequestBodies bodies) {
        this.robots = robots;
        this.bodies = bodies;
    }

    @Override
    @Get
    public HttpResponse<?> robots(BearerCaller caller) {
        AdminPages.requireCoordinator(caller);
        return HttpResponse.ok(new RobotViews.RobotsView(robots.overview().stream().map(RobotViews.RobotView::of)
                .toList()));
    }

    @Override
    @Get("/{audience}")
    public HttpResponse<?> robot(BearerCaller caller, String audience) {
        AdminPages.requireCoordinator(caller);
        return HttpResponse.ok(RobotViews.RobotView.of(row(audience)));
    }

    @Override
    @Put("/{audience}")
    public HttpResponse<?> putRobot(BearerCaller caller, HttpRequest<?> request, String audience) {
        String key = AdminJson.key(caller, request);
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(RobotViews.RobotRequest.class));
        return AdminJson.answer(robots.save(caller.who(), audience, AdminJson.version(b),
                new ConfigureRobots.RobotInput(RequestBodies.text(b, "vendor"), RequestBodies.text(b, "webhookUrl"),
                        RequestBodies.text(b, "secret")), key), s -> RobotViews.RobotView.of(row(audience)));
    }

    @Override
    @Delete("/{audience}")
    public HttpResponse<?> deleteRobot(BearerCaller caller, HttpRequest<?> request, String audience) {
        String key = AdminJson.key(caller, request);
        String v = request.getParameters().get("version");
        long version = v != null && v.matches("[0-9]{1,12}") ? Long.parseLong(v) : -1;
        return AdminJson.answer(robots.remove(caller.who(), audience, version, key),
                a -> RobotViews.RobotView.of(row(audience)));
    }

    private Row row(String audience) {
        return robots.row(audience).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_AUDIENCE",
                "没有这个群"));
    }
}
