package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The supervision forms of the task page (审核、延期申请与审批、督办意见): plain POSTs with the session's CSRF token
 * and the form's idempotency key, answered by a redirect back to the task (works without JavaScript).
 */
@Controller("/tasks/{id}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.ALL)
public class SupervisionController {

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final Supervise supervise;

    public SupervisionController(Authenticator auth, RequestBodies bodies, PlanCache plans, Supervise supervise) {
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.supervise = supervise;
    }

    /** 通过 or 退回 (with a reason) of one report. */
    @Post("/reviews")
    public HttpResponse<?> review(HttpRequest<?> request, String id) {
        Form f = form(request);
        Plan plan = plans.plan();
        Outcomes.done(supervise.review(plan, f.who, id, f.get("unit"), f.get("submission"), f.get("decision"),
                f.get("reason"), f.get("idempotencyKey")));
        return back(id, f.get("unit"));
    }

    @Post("/extensions")
    public HttpResponse<?> requestExtension(HttpRequest<?> request, String id) {
        Form f = form(request);
        Outcomes.done(supervise.requestExtension(plans.plan(), f.who, id, f.get("date"), f.get("reason"),
                f.get("idempotencyKey")));
        return back(id, f.who.unitId());
    }

    /** {@code decision=approve|reject} exactly (anything else is not taken for a rejection); an approval may name another date. */
    @Post("/extensions/{unit}/{key}")
    public HttpResponse<?> decideExtension(HttpRequest<?> request, String id, String unit, String key) {
        Form f = form(request);
        String decision = f.get("decision");
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "DECISION_INVALID", "请选择“批准延期”或“不予批准”");
        }
        Outcomes.done(supervise.decideExtension(plans.plan(), f.who, id, unit, key, "approve".equals(decision),
                f.get("date"), f.get("note")));
        return back(id, unit);
    }

    /** For every unit of the task ({@code unit} empty) or one. */
    @Post("/instructions")
    public HttpResponse<?> instruct(HttpRequest<?> request, String id) {
        Form f = form(request);
        Outcomes.done(supervise.instruct(plans.plan(), f.who, id, f.get("unit"), f.get("text"),
                f.get("idempotencyKey")));
        return back(id, null);
    }

    private Form form(HttpRequest<?> request) {
        Principal who = auth.requireSession(request);
        Map<String, List<String>> form = bodies.form(request);
        Form f = new Form(who, form);
        auth.requireCsrf(request, f.get("_csrf"));
        return f;
    }

    /** Redirect-after-post back to the unit's block on the task page. */
    private static HttpResponse<?> back(String taskId, @Nullable String unit) {
        return HttpResponse.seeOther(URI.create("/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8)
                + (unit == null || unit.isBlank() ? "#supervision" : "#unit-" + URLEncoder.encode(unit, StandardCharsets.UTF_8))));
    }

    private record Form(Principal who, Map<String, List<String>> fields) {
        @Nullable
        String get(String name) {
            List<String> v = fields.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }
}
