package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.ConfigureRobots.Row;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.FormState.Form;
import cn.lyg.xilian.web.http.ApiException;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 群机器人 (coordinators only): one page lists every group with its robot, one page per group sets or removes it.
 * A refused form comes back as typed, except the secret, which is never written into a page; a form filled before
 * someone else's change comes back with 已被他人修改 and the typed values, ready to save over it knowingly.
 */
@Controller("/admin/robots")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.ALL)
public class AdminRobotsController {

    private final ConfigureRobots robots;
    private final AdminPages admin;

    public AdminRobotsController(ConfigureRobots robots, AdminPages admin) {
        this.robots = robots;
        this.admin = admin;
    }

    @Get
    public HttpResponse<?> list(SessionCaller caller, @QueryValue @Nullable String done) {
        Layout layout = admin.layout(caller);
        return admin.pages().ok(AdminRobotsPage.list(layout, robots.overview(), AdminPages.notice(done)));
    }

    @Get("/{audience}")
    public HttpResponse<?> robot(SessionCaller caller, String audience, @QueryValue @Nullable String done) {
        Layout layout = admin.layout(caller);
        Row row = row(audience);
        return admin.pages().ok(AdminRobotsPage.of(layout, row, AdminRobotsPage.fresh(row), AdminPages.notice(done)));
    }

    @Post("/{audience}")
    public HttpResponse<?> save(SignedForm f, String audience) {
        AdminPages.requireCoordinator(f.caller());
        Outcome<?> outcome = robots.save(f.caller().who(), audience, AdminPages.version(f), new ConfigureRobots
                .RobotInput(f.get("vendor"), f.get("webhookUrl"), f.get("secret")), f.get("idempotencyKey"));
        return switch (outcome) {
            case Outcome.Invalid<?> invalid -> again(f, audience, invalid.errors(), HttpStatus.UNPROCESSABLE_ENTITY);
            case Outcome.Conflict<?> stale -> again(f, audience, List.of(new FieldError("version", stale.code(),
                    stale.message())), HttpStatus.CONFLICT);
            default -> {
                AdminPages.done(outcome);
                yield AdminPages.redirect(AdminRobotsPage.path(row(audience)), "robot-saved");
            }
        };
    }

    @Post("/{audience}/remove")
    public HttpResponse<?> remove(SignedForm f, String audience) {
        AdminPages.requireCoordinator(f.caller());
        AdminPages.done(robots.remove(f.caller().who(), audience, AdminPages.version(f), f.get("idempotencyKey")));
        return AdminPages.redirect("/admin/robots", "robot-removed");
    }

    /** The form as typed (never the secret), its errors in place; stale: with the stored version, to save over it. */
    private HttpResponse<?> again(SignedForm f, String audience, List<FieldError> errors, HttpStatus status) {
        Row row = row(audience);
        Map<String, List<String>> typed = new HashMap<>(f.fields());
        typed.remove("secret");
        if (status == HttpStatus.CONFLICT) {
            typed.put("version", List.of(String.valueOf(row.version())));
        }
        return admin.pages().render(status, AdminRobotsPage.of(admin.layout(f.caller()), row,
                FormState.failed(Form.ROBOT, null, typed, errors), null));
    }

    private Row row(String audience) {
        return robots.row(audience).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_AUDIENCE",
                "没有这个群"));
    }
}
