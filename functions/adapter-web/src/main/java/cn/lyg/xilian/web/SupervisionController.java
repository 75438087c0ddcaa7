package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.SignedForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

import java.net.URI;

/**
 * The supervision forms of the task page (审核、延期申请与审批、督办意见): plain POSTs with the session's CSRF token
 * and the form's idempotency key, answered by a redirect back to the task (works without JavaScript).
 */
@Controller("/tasks/{id}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.ALL)
public class SupervisionController {

    private final Supervise supervise;

    public SupervisionController(Supervise supervise) {
        this.supervise = supervise;
    }

    /**
     * 通过 or 退回 (with a reason) of one report; the answer lands on the next unit waiting for review ({@code next},
     * a unit of this task), else on the reviewed unit's block.
     */
    @Post("/reviews")
    public HttpResponse<?> review(SignedForm f, String id) {
        Outcomes.done(supervise.review(f.caller().plan(), f.caller().who(), id, f.get("unit"), f.get("submission"),
                f.get("decision"), f.get("reason"), f.get("idempotencyKey")));
        String next = f.get("next");
        boolean nextOnTask = next != null && Unit.validId(next)
                && f.caller().plan().task(id).map(t -> t.isResponsible(next)).orElse(false);
        return back(id, nextOnTask ? next : f.get("unit"));
    }

    @Post("/extensions")
    public HttpResponse<?> requestExtension(SignedForm f, String id) {
        Outcomes.done(supervise.requestExtension(f.caller().plan(), f.caller().who(), id, f.get("date"),
                f.get("reason"), f.get("idempotencyKey")));
        return back(id, f.caller().who().unitId());
    }

    /** {@code decision=approve|reject} exactly (anything else is not taken for a rejection); an approval may name another date. */
    @Post("/extensions/{unit}/{key}")
    public HttpResponse<?> decideExtension(SignedForm f, String id, String unit, String key) {
        String decision = f.get("decision");
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "DECISION_INVALID", "请选择“批准延期”或“不予批准”");
        }
        Outcomes.done(supervise.decideExtension(f.caller().plan(), f.caller().who(), id, unit, key,
                "approve".equals(decision), f.get("date"), f.get("note")));
        return back(id, unit);
    }

    /** For every unit of the task ({@code unit} empty) or one. */
    @Post("/instructions")
    public HttpResponse<?> instruct(SignedForm f, String id) {
        Outcomes.done(supervise.instruct(f.caller().plan(), f.caller().who(), id, f.get("unit"), f.get("text"),
                f.get("idempotencyKey")));
        return back(id, null);
    }

    /** Redirect-after-post back to the unit's block on the task page. */
    private static HttpResponse<?> back(String taskId, @Nullable String unit) {
        return HttpResponse.seeOther(URI.create("/tasks/" + Display.pathSegment(taskId)
                + (unit == null || unit.isBlank() ? "#supervision" : "#unit-" + Display.pathSegment(unit))));
    }
}
