package cn.lyg.xilian.web.api;

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

import static cn.lyg.xilian.web.http.RequestBodies.text;

/**
 * Supervision in the JSON API (Bearer only): reviews, extension requests and decisions, instructions. Writes need
 * the Idempotency-Key header like progress reports: 201 when stored, 200 with {@code replayed: true} on a retry,
 * errors in the API's usual shape (403 for a unit reviewing, 409 for a conflicting verdict or a pending request).
 * Each route's OpenAPI operation is in {@link SupervisionApi}, which it implements; the bodies' fields are
 * {@link ApiBodies}'.
 */
@Controller("/api/v1/tasks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.ALL)
public class SupervisionApiController implements SupervisionApi {

    private final RequestBodies bodies;
    private final Supervise supervise;
    private final TaskQueries queries;

    public SupervisionApiController(RequestBodies bodies, Supervise supervise, TaskQueries queries) {
        this.bodies = bodies;
        this.supervise = supervise;
        this.queries = queries;
    }

    @Override
    @Get("/supervision")
    public HttpResponse<?> supervision(BearerCaller caller, String id) {
        return HttpResponse.ok(supervise.open(caller.plan(), caller.who(),
                queries.visibleTask(caller.plan(), caller.who(), id)));
    }

    @Override
    @Post("/reviews")
    public HttpResponse<?> review(BearerCaller caller, HttpRequest<?> request, String id) {
        String key = IdempotencyHeader.require(request);
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(ApiBodies.ReviewRequest.class));
        return Outcomes.answer(supervise.review(caller.plan(), caller.who(), id, text(b, "unit"),
                text(b, "submission"), text(b, "decision"), text(b, "reason"), key));
    }

    @Override
    @Post("/extensions")
    public HttpResponse<?> requestExtension(BearerCaller caller, HttpRequest<?> request, String id) {
        String key = IdempotencyHeader.require(request);
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(ApiBodies.ExtensionRequest.class));
        return Outcomes.answer(supervise.requestExtension(caller.plan(), caller.who(), id, text(b, "date"),
                text(b, "reason"), key));
    }

    /** A repeat of the same decision replays (the path names the request: no key header). */
    @Override
    @Post("/extensions/{unit}/{key}/decision")
    public HttpResponse<?> decide(BearerCaller caller, HttpRequest<?> request, String id, String unit,
                                  String key) {
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(ApiBodies.ExtensionDecision.class));
        String decision = text(b, "decision");
        if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "DECISION_INVALID",
                    "decision 须为 APPROVED 或 REJECTED");
        }
        return Outcomes.answer(supervise.decideExtension(caller.plan(), caller.who(), id, unit, key,
                "APPROVED".equals(decision), text(b, "date"), text(b, "note")));
    }

    @Override
    @Post("/instructions")
    public HttpResponse<?> instruct(BearerCaller caller, HttpRequest<?> request, String id) {
        String key = IdempotencyHeader.require(request);
        JsonNode b = bodies.jsonObject(request, ApiBodies.fields(ApiBodies.InstructionRequest.class));
        return Outcomes.answer(supervise.instruct(caller.plan(), caller.who(), id, text(b, "unit"), text(b, "text"),
                key));
    }
}
