package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.view.Refused;
import cn.lyg.xilian.core.view.TaskPage;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.HistoryCursors;
import cn.lyg.xilian.web.http.Pages;
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

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A task's page with its report form, the form's post and the confirmation after it. */
@Controller
@Produces(MediaType.TEXT_HTML)
public class TaskPageController {

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final TaskQueries queries;
    private final SubmitProgress submitProgress;
    private final SubmissionLimit submissionLimit;
    private final Display display;
    private final Pages pages;
    private final boolean evidenceDirect;

    public TaskPageController(Authenticator auth, RequestBodies bodies, PlanCache plans, TaskQueries queries,
                              SubmitProgress submitProgress, SubmissionLimit submissionLimit, Display display,
                              Pages pages, @Nullable AttachEvidence evidence) {
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.queries = queries;
        this.submitProgress = submitProgress;
        this.submissionLimit = submissionLimit;
        this.display = display;
        this.pages = pages;
        this.evidenceDirect = evidence != null && evidence.directUploads();
    }

    /** {@code ?unit=<unitId>&before=<cursor>} pages back through one unit's history. */
    @Get("/tasks/{id}")
    public HttpResponse<?> task(HttpRequest<?> request, String id) {
        Principal who = auth.requireSession(request);
        TaskPage page = page(request, plans.plan(), who, id);
        Map<String, String> values = ReportForm.startingFrom(page.own() == null ? null : page.own().latest());
        return pages.ok("task", model(plans.plan(), who, page, values, List.of()), request);
    }

    @Post("/tasks/{id}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> submit(HttpRequest<?> request, String id) {
        Principal who = auth.requireSession(request);
        Map<String, List<String>> form = bodies.form(request);
        auth.requireCsrf(request, ReportForm.first(form, "_csrf"));
        submissionLimit.acquire(who);
        Plan plan = plans.plan();
        return switch (submitProgress.submit(plan, who, id, ReportForm.input(form))) {
            case SubmitOutcome.Stored s -> confirmationRedirect(s.submission());
            case SubmitOutcome.Replayed r -> confirmationRedirect(r.submission());
            case SubmitOutcome.KeyReused k -> throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "该表单已提交过不同的内容，请重新打开任务页面填报");
            case SubmitOutcome.KeyInvalid k -> invalidForm(request, plan, who, id, form, List.of(k.error()));
            case SubmitOutcome.Invalid inv -> invalidForm(request, plan, who, id, form, inv.errors());
            case SubmitOutcome.UnknownTask u -> throw Refused.unknownTask(id);
            case SubmitOutcome.NotResponsible n -> throw Refused.notResponsible(id);
        };
    }

    @Get("/submissions/{taskId}/{unitId}/{key}")
    public HttpResponse<?> confirmation(HttpRequest<?> request, String taskId, String unitId, String key) {
        Principal who = auth.requireSession(request);
        Plan plan = plans.plan();
        Submission s = queries.submission(plan, who, taskId, unitId, key);
        Map<String, Object> model = ViewModels.base(plan, who, display);
        model.put("s", s);
        var task = plan.task(taskId).orElseThrow();
        model.put("task", task);
        model.put("targets", task.targetsFor(unitId));
        return pages.ok("confirmation", model, request);
    }

    /** The form again with what was typed and each field's error (the task exists: core checked it first). */
    private HttpResponse<?> invalidForm(HttpRequest<?> request, Plan plan, Principal who, String id,
                                        Map<String, List<String>> form, List<FieldError> errors) {
        return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "task",
                model(plan, who, page(request, plan, who, id), ReportForm.typed(form), errors), request);
    }

    /** Redirect-after-post: a refresh of the confirmation page cannot submit again. */
    private static HttpResponse<?> confirmationRedirect(Submission s) {
        return HttpResponse.seeOther(URI.create("/submissions/" + enc(s.taskId()) + "/" + enc(s.unitId()) + "/"
                + enc(s.idempotencyKey())));
    }

    private TaskPage page(HttpRequest<?> request, Plan plan, Principal who, String id) {
        return queries.taskPage(plan, who, id, request.getParameters().get("unit"),
                HistoryCursors.decode(request.getParameters().get("before")));
    }

    private Map<String, Object> model(Plan plan, Principal who, TaskPage page, Map<String, String> values,
                                      List<FieldError> errors) {
        Map<String, Object> model = ViewModels.base(plan, who, display);
        model.put("page", page);
        model.put("task", page.task());
        model.put("values", values);
        model.put("errors", ReportForm.errorsByField(errors));
        model.put("statuses", ProgressStatus.values());
        model.put("maxText", SubmitProgress.MAX_TEXT);
        model.put("formKey", Tokens.newToken().substring(0, 22));
        model.put("evidenceDirect", evidenceDirect);
        model.put("older", page.units().stream().collect(Collectors.toMap(TaskPage.UnitBlock::unitId,
                u -> HistoryCursors.olderLink(page.task().id(), u.unitId(), u.history().next()))));
        return model;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
