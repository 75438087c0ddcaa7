package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.IdempotencyHeader;
import cn.lyg.xilian.core.progress.IdempotencyKey;
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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

/**
 * Supervision in the JSON API (Bearer only): reviews, extension requests and decisions, instructions. Writes need
 * the Idempotency-Key header like progress reports: 201 when stored, 200 with {@code replayed: true} on a retry,
 * errors in the API's usual shape (403 for a unit reviewing, 409 for a conflicting verdict or a pending request).
 */
@Controller("/api/v1/tasks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.ALL)
public class SupervisionApiController {

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final Supervise supervise;
    private final TaskQueries queries;

    public SupervisionApiController(Authenticator auth, RequestBodies bodies, PlanCache plans, Supervise supervise,
                                    TaskQueries queries) {
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.supervise = supervise;
        this.queries = queries;
    }

    @Serdeable
    public record Result<T>(boolean replayed, T item) {
    }

    /** The task's reviews, extension requests and instructions as the caller may see them. */
    @Get("/supervision")
    public HttpResponse<?> supervision(HttpRequest<?> request, String id) {
        Principal who = auth.bearer(request);
        Plan plan = plans.plan();
        return HttpResponse.ok(supervise.open(plan, who, queries.visibleTask(plan, who, id)));
    }

    /** {@code {"unit", "submission", "decision": "ACCEPTED"|"RETURNED", "reason"}} */
    @Post("/reviews")
    public HttpResponse<?> review(HttpRequest<?> request, String id) {
        Principal who = auth.bearer(request);
        String key = key(request);
        JsonNode b = bodies.jsonObject(request, Set.of("unit", "submission", "decision", "reason"));
        return answer(supervise.review(plans.plan(), who, id, text(b, "unit"), text(b, "submission"),
                text(b, "decision"), text(b, "reason"), key));
    }

    /** {@code {"date": "2027-01-31", "reason"}} from the responsible unit. */
    @Post("/extensions")
    public HttpResponse<?> requestExtension(HttpRequest<?> request, String id) {
        Principal who = auth.bearer(request);
        String key = key(request);
        JsonNode b = bodies.jsonObject(request, Set.of("date", "reason"));
        return answer(supervise.requestExtension(plans.plan(), who, id, text(b, "date"), text(b, "reason"), key));
    }

    /** {@code {"decision": "APPROVED"|"REJECTED", "date", "note"}}; a repeat of the same decision replays. */
    @Post("/extensions/{unit}/{key}/decision")
    public HttpResponse<?> decide(HttpRequest<?> request, String id, String unit, String key) {
        Principal who = auth.bearer(request);
        JsonNode b = bodies.jsonObject(request, Set.of("decision", "date", "note"));
        String decision = text(b, "decision");
        if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "DECISION_INVALID",
                    "decision 须为 APPROVED 或 REJECTED");
        }
        return answer(supervise.decideExtension(plans.plan(), who, id, unit, key, "APPROVED".equals(decision),
                text(b, "date"), text(b, "note")));
    }

    /** {@code {"unit" (optional: all units), "text"}} */
    @Post("/instructions")
    public HttpResponse<?> instruct(HttpRequest<?> request, String id) {
        Principal who = auth.bearer(request);
        String key = key(request);
        JsonNode b = bodies.jsonObject(request, Set.of("unit", "text"));
        return answer(supervise.instruct(plans.plan(), who, id, text(b, "unit"), text(b, "text"), key));
    }

    private static <T> HttpResponse<Result<T>> answer(Outcome<T> outcome) {
        Outcome.Done<T> done = Outcomes.done(outcome);
        return done.replayed() ? HttpResponse.ok(new Result<>(true, done.value()))
                : HttpResponse.created(new Result<>(false, done.value()));
    }

    private static String key(HttpRequest<?> request) {
        String key = request.getHeaders().get(IdempotencyHeader.NAME);
        if (!IdempotencyKey.isValid(key)) {
            throw IdempotencyHeader.invalid();
        }
        return key;
    }

    @Nullable
    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 " + field + " 须为文本");
        }
        return node.getStringValue();
    }
}
