package cn.lyg.xilian.web;

import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressInput;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.HistoryCursors;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.board.StatusBoard;
import cn.lyg.xilian.core.alert.Assessment;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-rendered pages. Controllers only translate HTTP to use cases and back; rules live in core.
 * Blocking executor: every request does DynamoDB calls.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class PageController {

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final ProgressRepository progress;
    private final SubmitProgress submitProgress;
    private final Display display;
    private final WebSettings settings;
    private final Pages pages;
    private final StatusBoard board;
    private final SubmissionLimit submissionLimit;
    private final cn.lyg.xilian.core.supervision.Supervise supervise;
    private final cn.lyg.xilian.core.evidence.AttachEvidence evidence;

    public PageController(cn.lyg.xilian.core.supervision.Supervise supervise, SubmissionLimit submissionLimit, Authenticator auth, RequestBodies bodies, PlanCache plans, ProgressRepository progress,
                          SubmitProgress submitProgress, Display display, WebSettings settings, Pages pages,
                          StatusBoard board, @Nullable cn.lyg.xilian.core.evidence.AttachEvidence evidence) {
        this.evidence = evidence;
        this.supervise = supervise;
        this.pages = pages;
        this.board = board;
        this.submissionLimit = submissionLimit;
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.progress = progress;
        this.submitProgress = submitProgress;
        this.display = display;
        this.settings = settings;
    }

    @Get("/")
    public HttpResponse<?> home(HttpRequest<?> request) {
        Principal who = auth.requireSession(request);
        if (who.coordinator()) {
            return HttpResponse.seeOther(URI.create("/coordinator"));
        }
        StatusBoard.Snapshot snap = board.snapshot(who);
        Plan plan = snap.plan();
        Map<String, TaskUnitState> states = new HashMap<>();
        snap.states().forEach(s -> states.put(s.taskId(), s));
        Map<String, Assessment> lights = snap.assessmentsByPair();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanTask t : plan.tasksFor(who.unitId())) {
            TaskUnitState s = states.get(t.id());
            rows.add(Map.of("task", t, "latest", s == null || s.latest() == null ? "" : s.latest(),
                    "reported", s != null && s.latest() != null,
                    "assessment", lights.get(PairKey.of(t.id(), who.unitId()))));
        }
        Map<String, Object> model = base(plan, who, request);
        model.put("rows", rows);
        model.put("unitName", display.unitName(plan, who.unitId()));
        return pages.ok("mytasks", model, request);
    }

    /** Public: the plan is published openly (此件公开发布). */
    @Get("/catalog")
    public HttpResponse<?> catalog(HttpRequest<?> request) {
        Plan plan = plans.plan();
        Map<String, Object> model = base(plan, null, request);
        return pages.ok("catalog", model, request);
    }

    @Get("/coordinator")
    public HttpResponse<?> coordinator(HttpRequest<?> request) {
        Principal who = auth.requireSession(request);
        if (!who.coordinator()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "COORDINATOR_ONLY", "仅市发改委统筹人员可查看全部任务");
        }
        StatusBoard.Snapshot snap = board.snapshot(who);
        Plan plan = snap.plan();
        Map<String, Map<String, TaskUnitState>> byTask = new HashMap<>();
        for (TaskUnitState s : snap.states()) {
            byTask.computeIfAbsent(s.taskId(), k -> new HashMap<>()).put(s.unitId(), s);
        }
        Map<String, Assessment> lights = snap.assessmentsByPair();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            List<Map<String, Object>> units = new ArrayList<>();
            for (String unitId : t.unitIds()) {
                TaskUnitState s = byTask.getOrDefault(t.id(), Map.of()).get(unitId);
                Submission latest = s == null ? null : s.latest();
                units.add(Map.of("unitId", unitId, "latest", latest == null ? "" : latest, "reported", latest != null,
                        "assessment", lights.get(PairKey.of(t.id(), unitId))));
            }
            rows.add(Map.of("task", t, "units", units, "light", snap.evaluation().taskLights().get(t.id())));
        }
        Map<String, Object> model = base(plan, who, request);
        model.put("rows", rows);
        return pages.ok("coordinator", model, request);
    }

    /** {@code ?unit=<unitId>&before=<cursor>} pages back through one unit's history. */
    @Get("/tasks/{id}")
    public HttpResponse<?> task(HttpRequest<?> request, String id) {
        Principal who = auth.requireSession(request);
        Plan plan = plans.plan();
        PlanTask task = visibleTask(plan, who, id);
        Map<String, String> values = new HashMap<>();
        if (who.mayReport(task)) {
            // Start from the unit's last report: usually only the text changes from one report to the next.
            progress.statesOfTask(plan.year(), id).stream()
                    .filter(s -> s.unitId().equals(who.unitId()) && s.latest() != null)
                    .findFirst().ifPresent(s -> {
                        values.put("status", s.latest().status().name());
                        values.put("percent", String.valueOf(s.latest().percent()));
                        values.put("reporter", s.latest().reporter() == null ? "" : s.latest().reporter());
                        values.put("phone", s.latest().phone() == null ? "" : s.latest().phone());
                    });
        }
        values.put("idempotencyKey", Tokens.newToken().substring(0, 22));
        return pages.ok("task", taskView(request, plan, who, task, values, List.of()), request);
    }

    @Post("/tasks/{id}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> submit(HttpRequest<?> request, String id) {
        Principal who = auth.requireSession(request);
        Map<String, List<String>> form = bodies.form(request);
        auth.requireCsrf(request, first(form, "_csrf"));
        submissionLimit.acquire(who);
        Plan plan = plans.plan();
        Map<String, String> figures = new LinkedHashMap<>();
        form.forEach((name, v) -> {
            if (name.startsWith("figure.") && !v.isEmpty()) {
                figures.put(name.substring("figure.".length()), v.get(0));
            }
        });
        ProgressInput input = new ProgressInput(first(form, "status"), first(form, "percent"), figures,
                first(form, "progress"), first(form, "problems"), first(form, "nextSteps"),
                first(form, "reporter"), first(form, "phone"), first(form, "idempotencyKey"));
        SubmitOutcome outcome = submitProgress.submit(plan, who, id, input);
        return switch (outcome) {
            case SubmitOutcome.Stored s -> confirmationRedirect(s.submission());
            case SubmitOutcome.Replayed r -> confirmationRedirect(r.submission());
            case SubmitOutcome.KeyReused k -> throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "该表单已提交过不同的内容，请重新打开任务页面填报");
            case SubmitOutcome.KeyInvalid k -> invalidForm(request, plan, who, id, form, List.of(k.error()));
            case SubmitOutcome.Invalid inv -> invalidForm(request, plan, who, id, form, inv.errors());
            case SubmitOutcome.UnknownTask u -> throw unknownTask(id);
            case SubmitOutcome.NotResponsible n -> throw notResponsible(id);
        };
    }

    /** The form again with what was typed and each field's error (the task exists: core checked it first). */
    private HttpResponse<?> invalidForm(HttpRequest<?> request, Plan plan, Principal who, String id,
                                        Map<String, List<String>> form, List<FieldError> errors) {
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "task",
                taskView(request, plan, who, plan.task(id).orElseThrow(), values, errors), request);
    }

    /** Redirect-after-post: a refresh of the confirmation page cannot submit again. */
    private static HttpResponse<?> confirmationRedirect(Submission s) {
        return HttpResponse.seeOther(URI.create("/submissions/" + enc(s.taskId()) + "/" + enc(s.unitId()) + "/"
                + enc(s.idempotencyKey())));
    }

    @Get("/submissions/{taskId}/{unitId}/{key}")
    public HttpResponse<?> confirmation(HttpRequest<?> request, String taskId, String unitId, String key) {
        Principal who = auth.requireSession(request);
        Plan plan = plans.plan();
        PlanTask task = visibleTask(plan, who, taskId);
        if (!who.coordinator() && !unitId.equals(who.unitId())) {
            throw notResponsible(taskId);
        }
        Submission s = progress.find(plan.year(), taskId, unitId, key)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "SUBMISSION_NOT_FOUND", "未找到该填报记录"));
        Map<String, Object> model = base(plan, who, request);
        model.put("task", task);
        model.put("s", s);
        model.put("targets", task.targetsFor(unitId));
        return pages.ok("confirmation", model, request);
    }

    private Map<String, Object> taskView(HttpRequest<?> request, Plan plan, Principal who,
                                                       PlanTask task, Map<String, String> values,
                                                       List<FieldError> errors) {
        Map<String, Object> model = base(plan, who, request);
        model.put("task", task);
        model.put("canReport", who.mayReport(task));
        model.put("targets", who.unitId() == null ? List.of() : task.targetsFor(who.unitId()));
        model.put("values", values);
        Map<String, String> errorByField = new LinkedHashMap<>();
        errors.forEach(e -> errorByField.putIfAbsent(e.field(), e.message()));
        model.put("errors", errorByField);
        model.put("statuses", ProgressStatus.values());
        model.put("maxText", SubmitProgress.MAX_TEXT);
        List<TaskUnitState> states = progress.statesOfTask(plan.year(), task.id());
        Map<String, Assessment> lights = new HashMap<>();
        board.evaluate(plan, states).assessments().stream().filter(a -> a.taskId().equals(task.id()))
                .forEach(a -> lights.put(a.unitId(), a));
        Map<String, Submission> latest = new HashMap<>();
        Map<String, TaskUnitState> stateOf = new HashMap<>();
        states.forEach(s -> {
            stateOf.put(s.unitId(), s);
            if (s.latest() != null) {
                latest.put(s.unitId(), s.latest());
            }
        });
        // Reviews, extensions and instructions (opening the page marks a unit's instructions read).
        cn.lyg.xilian.core.supervision.TaskSupervision sup = supervise.open(plan, who, task);
        model.put("sup", sup);
        model.put("formKey", Tokens.newToken().substring(0, 22));
        model.put("evidenceDirect", evidence != null && evidence.directUploads());
        // One block per responsible unit in the notice's order: light, reasons, latest status and one page of
        // its history (newest first; ?unit=…&before=… pages back through one unit, the others stay on page 1).
        String pagedUnit = request.getParameters().get("unit");
        HistoryPage.Cursor before = HistoryCursors.decode(request.getParameters().get("before"));
        List<Submission> history = new ArrayList<>();
        List<Map<String, Object>> units = new ArrayList<>();
        for (String unitId : task.unitIds()) {
            if (!who.coordinator() && !unitId.equals(who.unitId())) {
                continue;
            }
            Map<String, Object> u = new HashMap<>();
            u.put("unitId", unitId);
            u.put("assessment", lights.get(unitId));
            u.put("latest", latest.get(unitId));
            TaskUnitState st = stateOf.get(unitId);
            u.put("review", st == null || st.review() == null ? "" : st.review());
            u.put("returned", st != null && st.returned());
            u.put("pending", sup.pending(unitId).orElse(null));
            u.put("extensions", sup.extensionsOf(unitId));
            u.put("deadlineText", cn.lyg.xilian.core.supervision.Supervise.deadlineText(task.deadline(),
                    st == null ? null : st.extendedDeadline()));
            HistoryPage page = progress.historyPage(plan.year(), task.id(), unitId,
                    unitId.equals(pagedUnit) ? before : null, HistoryPage.DEFAULT_SIZE);
            history.addAll(page.items());
            u.put("history", page.items());
            u.put("paged", unitId.equals(pagedUnit) && before != null);
            u.put("next", page.next() == null ? "" : "/tasks/" + enc(task.id()) + "?unit=" + enc(unitId)
                    + "&before=" + HistoryCursors.encode(page.next()) + "#history-" + unitId);
            units.add(u);
        }
        model.put("units", units);
        model.put("history", history);
        return model;
    }

    private Map<String, Object> base(Plan plan, @Nullable Principal who, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plan);
        model.put("fmt", display);
        model.put("who", who == null ? "" : who);
        model.put("signedIn", who != null);
        return model;
    }

    private static PlanTask visibleTask(Plan plan, Principal who, String id) {
        PlanTask task = plan.task(id).orElseThrow(() -> unknownTask(id));
        if (!who.maySee(task)) {
            throw notResponsible(id);
        }
        return task;
    }

    static ApiException unknownTask(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_TASK", "计划中没有编号为“" + id + "”的任务");
    }

    static ApiException notResponsible(String id) {
        return new ApiException(HttpStatus.FORBIDDEN, "NOT_RESPONSIBLE", "本单位不是任务“" + id + "”的责任单位");
    }

    @Nullable
    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
