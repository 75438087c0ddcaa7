package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.web.FormState.Form;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.SignedForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

import java.net.URI;
import java.util.List;

/**
 * The supervision forms of the task page (审核、延期申请与审批、督办意见): plain POSTs with the session's CSRF token
 * and the form's idempotency key, answered by a redirect back to the task (works without JavaScript); invalid input
 * brings the page back with the form as typed and its errors ({@link TaskPages#answer}).
 */
@Controller("/tasks/{id}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.ALL)
public class SupervisionController {

    private final Supervise supervise;
    private final TaskPages pages;

    public SupervisionController(Supervise supervise, TaskPages pages) {
        this.supervise = supervise;
        this.pages = pages;
    }

    /**
     * 通过 or 退回 (with a reason) of one report; the answer lands on the next unit waiting for review ({@code next},
     * a unit of this task), else on the reviewed unit's block. 退回 without a reason keeps the form as typed.
     */
    @Post("/reviews")
    public HttpResponse<?> review(SignedForm f, HttpRequest<?> request, String id) {
        String unit = f.get("unit");
        String next = f.get("next");
        boolean nextOnTask = next != null && Unit.validId(next)
                && f.caller().plan().task(id).map(t -> t.isResponsible(next)).orElse(false);
        return pages.answer(f.caller(), request, id, Form.REVIEW, Unit.validId(unit) ? unit : null, f.fields(),
                supervise.review(f.caller().plan(), f.caller().who(), id, unit, f.get("submission"),
                        f.get("decision"), f.get("reason"), f.get("idempotencyKey")),
                () -> back(f.caller(), id, nextOnTask ? next : unit));
    }

    @Post("/extensions")
    public HttpResponse<?> requestExtension(SignedForm f, HttpRequest<?> request, String id) {
        return pages.answer(f.caller(), request, id, Form.EXTENSION, null, f.fields(),
                supervise.requestExtension(f.caller().plan(), f.caller().who(), id, f.get("date"), f.get("reason"),
                        f.get("idempotencyKey")), () -> back(f.caller(), id, f.caller().who().unitId()));
    }

    /** {@code decision=approve|reject} exactly (anything else is not taken for a rejection); an approval may name another date. */
    @Post("/extensions/{unit}/{key}")
    public HttpResponse<?> decideExtension(SignedForm f, HttpRequest<?> request, String id, String unit, String key) {
        String decision = f.get("decision");
        Outcome<?> outcome = !"approve".equals(decision) && !"reject".equals(decision)
                ? new Outcome.Invalid<>(List.of(new FieldError("decision", "DECISION_INVALID", "请选择“批准延期”或“不予批准”")))
                : supervise.decideExtension(f.caller().plan(), f.caller().who(), id, unit, key,
                "approve".equals(decision), f.get("date"), f.get("note"));
        return pages.answer(f.caller(), request, id, Form.DECISION, unit, f.fields(), outcome, () -> back(f.caller(), id, unit));
    }

    /** For every unit of the task ({@code unit} empty) or one. */
    @Post("/instructions")
    public HttpResponse<?> instruct(SignedForm f, HttpRequest<?> request, String id) {
        return pages.answer(f.caller(), request, id, Form.INSTRUCTION, null, f.fields(),
                supervise.instruct(f.caller().plan(), f.caller().who(), id, f.get("unit"), f.get("text"),
                        f.get("idempotencyKey")), () -> back(f.caller(), id, null));
    }

    /** Redirect-after-post back to the unit's block on the task page. */
    static HttpResponse<?> back(cn.lyg.xilian.web.http.Caller caller, String taskId, @Nullable String unit) {
        return HttpResponse.seeOther(URI.create(caller.withYear("/tasks/" + Display.pathSegment(taskId)
                + (unit == null || unit.isBlank() ? "#supervision" : "#unit-" + Display.pathSegment(unit)))));
    }
}
