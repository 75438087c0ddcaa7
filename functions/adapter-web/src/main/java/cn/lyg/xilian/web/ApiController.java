package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressInput;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.web.ApiViews.SubmissionView;
import cn.lyg.xilian.web.ApiViews.TaskView;
import cn.lyg.xilian.web.ApiViews.UnitState;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.HistoryCursors;
import cn.lyg.xilian.web.http.IdempotencyHeader;
import cn.lyg.xilian.web.http.RequestBodies;
import cn.lyg.xilian.web.http.SubmissionLimit;
import cn.lyg.xilian.core.progress.HistoryPage;
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
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON API, same rules as the form (both call {@link SubmitProgress}). Authorization: Bearer only.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
public class ApiController {

    /** The body's fields; any other top-level field is refused (400 UNKNOWN_FIELD), never ignored. */
    static final java.util.Set<String> FIELDS = java.util.Set.of("status", "percent", "figures", "progress",
            "problems", "nextSteps", "reporter", "phone");

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final ProgressRepository progress;
    private final SubmitProgress submitProgress;
    private final Display display;
    private final SubmissionLimit submissionLimit;

    public ApiController(Authenticator auth, RequestBodies bodies, PlanCache plans, ProgressRepository progress,
                         SubmitProgress submitProgress, Display display, SubmissionLimit submissionLimit) {
        this.submissionLimit = submissionLimit;
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.progress = progress;
        this.submitProgress = submitProgress;
        this.display = display;
    }

    @Get("/units")
    public List<ApiViews.UnitView> units(HttpRequest<?> request) {
        auth.bearer(request);
        return plans.plan().units().stream().map(ApiViews.UnitView::of).toList();
    }

    /** Tasks with the latest status per unit. A unit sees only its own tasks and its own status. */
    @Get("/tasks")
    public List<TaskView> tasks(HttpRequest<?> request, @QueryValue @Nullable String unit) {
        Principal who = auth.bearer(request);
        Plan plan = plans.plan();
        if (unit != null && !who.coordinator() && !unit.equals(who.unitId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN_UNIT", "只能查看本单位的任务");
        }
        String filter = who.coordinator() ? unit : who.unitId();
        if (filter != null && plan.unit(filter).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_UNIT", "计划中没有单位“" + filter + "”");
        }
        Map<String, Map<String, Submission>> latest = new HashMap<>();
        List<TaskUnitState> states = filter == null ? progress.allStates(plan.year())
                : progress.statesOfUnit(plan.year(), filter);
        for (TaskUnitState s : states) {
            if (s.latest() != null) {
                latest.computeIfAbsent(s.taskId(), k -> new HashMap<>()).put(s.unitId(), s.latest());
            }
        }
        List<PlanTask> tasks = filter == null ? plan.tasks() : plan.tasksFor(filter);
        List<TaskView> out = new ArrayList<>();
        for (PlanTask t : tasks) {
            out.add(view(plan, who, t, latest.getOrDefault(t.id(), Map.of()), filter));
        }
        return out;
    }

    /** The task with the latest status per unit and one page of history ({@code limit}, {@code cursor}). */
    @Get("/tasks/{id}")
    public ApiViews.TaskDetail task(HttpRequest<?> request, String id, @QueryValue @Nullable Integer limit,
                                    @QueryValue @Nullable String cursor) {
        Principal who = auth.bearer(request);
        Plan plan = plans.plan();
        PlanTask task = plan.task(id).orElseThrow(() -> PageController.unknownTask(id));
        if (!who.maySee(task)) {
            throw PageController.notResponsible(id);
        }
        Map<String, Submission> latest = new HashMap<>();
        progress.statesOfTask(plan.year(), id).forEach(s -> {
            if (s.latest() != null) {
                latest.put(s.unitId(), s.latest());
            }
        });
        String only = who.coordinator() ? null : who.unitId();
        HistoryPage page = HistoryPage.across(progress, plan.year(), id, only == null ? task.unitIds() : List.of(only),
                HistoryCursors.decode(cursor), HistoryCursors.size(limit));
        return new ApiViews.TaskDetail(view(plan, who, task, latest, only),
                page.items().stream().map(SubmissionView::of).toList(), HistoryCursors.encode(page.next()));
    }

    /**
     * Stores a progress report. Header Idempotency-Key ([A-Za-z0-9_-]{8,64}) is required: a replay with the
     * same body answers 200 with the original and {@code replayed: true}; another body under the same key is
     * 409 IDEMPOTENCY_KEY_REUSED. Nothing is stored unless the answer is 201.
     */
    @Post("/tasks/{id}/progress")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> submit(HttpRequest<?> request, String id) {
        Principal who = auth.bearer(request);
        JsonNode body = bodies.jsonObject(request, FIELDS);
        Map<String, String> figures = new LinkedHashMap<>();
        List<FieldError> shapeErrors = new ArrayList<>();
        JsonNode f = body.get("figures");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                shapeErrors.add(new FieldError("figures", "FIGURES_NOT_AN_OBJECT", "figures 须为“指标编号: 数值”的对象"));
            } else {
                for (Map.Entry<String, JsonNode> e : f.entries()) {
                    figures.put(e.getKey(), scalar(e.getValue(), "figures." + e.getKey(), shapeErrors));
                }
            }
        }
        ProgressInput input = new ProgressInput(scalar(body.get("status"), "status", shapeErrors),
                scalar(body.get("percent"), "percent", shapeErrors), figures,
                scalar(body.get("progress"), "progress", shapeErrors),
                scalar(body.get("problems"), "problems", shapeErrors),
                scalar(body.get("nextSteps"), "nextSteps", shapeErrors),
                scalar(body.get("reporter"), "reporter", shapeErrors),
                scalar(body.get("phone"), "phone", shapeErrors), request.getHeaders().get(IdempotencyHeader.NAME),
                shapeErrors);
        submissionLimit.acquire(who);
        return switch (submitProgress.submit(plans.plan(), who, id, input)) {
            case SubmitOutcome.Stored s -> HttpResponse.created(new ApiViews.SubmitResult(false, SubmissionView.of(s.submission())));
            case SubmitOutcome.Replayed r -> HttpResponse.ok(new ApiViews.SubmitResult(true, SubmissionView.of(r.submission())));
            case SubmitOutcome.KeyReused k -> throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "该 Idempotency-Key 已用于内容不同的填报，未保存");
            case SubmitOutcome.KeyInvalid k -> throw IdempotencyHeader.invalid();
            case SubmitOutcome.Invalid inv -> throw invalid(inv.errors());
            case SubmitOutcome.UnknownTask u -> throw PageController.unknownTask(id);
            case SubmitOutcome.NotResponsible n -> throw PageController.notResponsible(id);
        };
    }

    /** The first field error's code is the response code, so a client with one mistake sees its exact code. */
    private static ApiException invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, first.code(), first.message(), errors);
    }

    /** Strings and numbers are taken as typed; SubmitProgress decides what they mean. */
    @Nullable
    private static String scalar(@Nullable JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue().toString();
        }
        if (node.isBoolean()) {
            return String.valueOf(node.getBooleanValue());
        }
        errors.add(new FieldError(field, "FIELD_NOT_A_VALUE", "字段 " + field + " 须为文本或数字"));
        return null;
    }

    private TaskView view(Plan plan, Principal who, PlanTask t, Map<String, Submission> latest, @Nullable String only) {
        List<UnitState> states = new ArrayList<>();
        for (String unitId : t.unitIds()) {
            if (only != null && !only.equals(unitId)) {
                continue;
            }
            Submission s = latest.get(unitId);
            states.add(new UnitState(unitId, display.unitName(plan, unitId), s == null ? null : SubmissionView.of(s)));
        }
        return TaskView.of(t, display.daysLeft(t.deadline()),
                who.unitId() != null && !who.coordinator() ? t.targetsFor(who.unitId()) : t.targets(), states);
    }
}
