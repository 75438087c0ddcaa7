package cn.lyg.xilian.web;

import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.IdempotencyHeader;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.tree.JsonNode;

import java.util.Set;

import static cn.lyg.xilian.web.http.RequestBodies.text;

/**
 * Supervision in the JSON API (Bearer only): reviews, extension requests and decisions, instructions. Writes need
 * the Idempotency-Key header like progress reports: 201 when stored, 200 with {@code replayed: true} on a retry,
 * errors in the API's usual shape (403 for a unit reviewing, 409 for a conflicting verdict or a pending request).
 */
@Controller("/api/v1/tasks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.ALL)
public class SupervisionApiController {

    private final RequestBodies bodies;
    private final Supervise supervise;
    private final TaskQueries queries;

    public SupervisionApiController(RequestBodies bodies, Supervise supervise, TaskQueries queries) {
        this.bodies = bodies;
        this.supervise = supervise;
        this.queries = queries;
    }

    /** The task's reviews, extension requests and instructions as the caller may see them. */
    @Get("/supervision")
    public HttpResponse<?> supervision(BearerCaller caller, String id) {
        return HttpResponse.ok(supervise.open(caller.plan(), caller.who(),
                queries.visibleTask(caller.plan(), caller.who(), id)));
    }

    /** {@code {"unit", "submission", "decision": "ACCEPTED"|"RETURNED", "reason"}} */
    @Post("/reviews")
    public HttpResponse<?> review(BearerCaller caller, HttpRequest<?> request, String id) {
        String key = IdempotencyHeader.require(request);
        JsonNode b = bodies.jsonObject(request, Set.of("unit", "submission", "decision", "reason"));
        return Outcomes.answer(supervise.review(caller.plan(), caller.who(), id, text(b, "unit"),
                text(b, "submission"), text(b, "decision"), text(b, "reason"), key));
    }

    /** {@code {"date": "2027-01-31", "reason"}} from the responsible unit. */
    @Post("/extensions")
    public HttpResponse<?> requestExtension(BearerCaller caller, HttpRequest<?> request, String id) {
        String key = IdempotencyHeader.require(request);
        JsonNode b = bodies.jsonObject(request, Set.of("date", "reason"));
        return Outcomes.answer(supervise.requestExtension(caller.plan(), caller.who(), id, text(b, "date"),
                text(b, "reason"), key));
    }

    /** {@code {"decision": "APPROVED"|"REJECTED", "date", "note"}}; a repeat of the same decision replays. */
    @Post("/extensions/{unit}/{key}/decision")
    public HttpResponse<?> decide(BearerCaller caller, HttpRequest<?> request, String id, String unit, String key) {
        JsonNode b = bodies.jsonObject(request, Set.of("decision", "date", "note"));
        String decision = text(b, "decision");
        if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "DECISION_INVALID",
                    "decision 须为 APPROVED 或 REJECTED");
        }
        return Outcomes.answer(supervise.decideExtension(caller.plan(), caller.who(), id, unit, key,
                "APPROVED".equals(decision), text(b, "date"), text(b, "note")));
    }

    /** {@code {"unit" (optional: all units), "text"}} */
    @Post("/instructions")
    public HttpResponse<?> instruct(BearerCaller caller, HttpRequest<?> request, String id) {
        String key = IdempotencyHeader.require(request);
        JsonNode b = bodies.jsonObject(request, Set.of("unit", "text"));
        return Outcomes.answer(supervise.instruct(caller.plan(), caller.who(), id, text(b, "unit"), text(b, "text"),
                key));
    }
}
