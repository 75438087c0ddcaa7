package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.progress.ProgressInput;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.view.Refused;
import cn.lyg.xilian.core.view.TaskList;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.Display;
import cn.lyg.xilian.web.api.ApiViews.SubmissionView;
import cn.lyg.xilian.web.api.ApiViews.TaskView;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.HistoryCursors;
import cn.lyg.xilian.web.http.IdempotencyHeader;
import cn.lyg.xilian.web.http.RequestBodies;
import cn.lyg.xilian.web.http.SubmissionLimit;
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
import io.micronaut.http.annotation.QueryValue;

/**
 * JSON API, same rules as the form (both call {@link SubmitProgress}). Authorization: Bearer only. Routes answer
 * {@code HttpResponse<?>}: a body type's JSON writer is built when first written, not for every route at each cold
 * start (WebArchitectureTest). Each route's OpenAPI operation is in {@link ProgressApi}, which it implements.
 */
@Controller("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ApiController implements ProgressApi {

    private final RequestBodies bodies;
    private final TaskQueries queries;
    private final SubmitProgress submitProgress;
    private final Display display;
    private final SubmissionLimit submissionLimit;

    public ApiController(RequestBodies bodies, TaskQueries queries, SubmitProgress submitProgress, Display display,
                         SubmissionLimit submissionLimit) {
        this.bodies = bodies;
        this.queries = queries;
        this.submitProgress = submitProgress;
        this.display = display;
        this.submissionLimit = submissionLimit;
    }

    @Override
    @Get("/units")
    public HttpResponse<?> units(BearerCaller caller) {
        return HttpResponse.ok(caller.plan().units().stream().map(ApiViews.UnitView::of).toList());
    }

    @Override
    @Get("/tasks")
    public HttpResponse<?> tasks(BearerCaller caller, @QueryValue @Nullable String unit) {
        return HttpResponse.ok(queries.tasks(caller.plan(), caller.who(), unit).stream()
                .map(t -> TaskView.of(caller.plan(), t, display)).toList());
    }

    @Override
    @Get("/tasks/{id}")
    public HttpResponse<?> task(BearerCaller caller, String id, @QueryValue @Nullable String limit,
                                @QueryValue @Nullable String cursor) {
        TaskList.Detail detail = queries.task(caller.plan(), caller.who(), id, HistoryCursors.decode(cursor),
                HistoryCursors.size(limit));
        return HttpResponse.ok(new ApiViews.TaskDetail(TaskView.of(caller.plan(), detail.task(), display),
                detail.history().items().stream().map(SubmissionView::of).toList(),
                HistoryCursors.encode(detail.history().next())));
    }

    /** Nothing is stored unless the answer is 201; a replay under the same key and content answers the original. */
    @Override
    @Post("/tasks/{id}/progress")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> submit(BearerCaller caller, HttpRequest<?> request, String id) {
        ProgressInput input = ReportJson.input(bodies.jsonObject(request, ReportJson.FIELDS),
                request.getHeaders().get(IdempotencyHeader.NAME));
        submissionLimit.acquire(caller);
        return switch (submitProgress.submit(caller.plan(), caller.who(), id, input)) {
            case SubmitOutcome.Stored s -> HttpResponse.created(new ApiViews.SubmitResult(false, SubmissionView.of(s.submission())));
            case SubmitOutcome.Replayed r -> HttpResponse.ok(new ApiViews.SubmitResult(true, SubmissionView.of(r.submission())));
            case SubmitOutcome.KeyReused k -> throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "该 Idempotency-Key 已用于内容不同的填报，未保存");
            case SubmitOutcome.KeyInvalid k -> throw IdempotencyHeader.invalid();
            case SubmitOutcome.Invalid inv -> throw ApiException.invalid(inv.errors());
            case SubmitOutcome.UnknownTask u -> throw Refused.unknownTask(id);
            case SubmitOutcome.NotResponsible n -> throw Refused.notResponsible(id);
        };
    }
}
