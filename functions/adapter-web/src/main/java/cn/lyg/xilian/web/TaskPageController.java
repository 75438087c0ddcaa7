package cn.lyg.xilian.web;

import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.view.Refused;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import cn.lyg.xilian.web.http.SignedForm;
import cn.lyg.xilian.web.http.SubmissionLimit;
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
import java.util.List;

/** A task's page with its report form, the form's post and the confirmation after it. */
@Controller
@Produces(MediaType.TEXT_HTML)
public class TaskPageController {

    private final TaskQueries queries;
    private final SubmitProgress submitProgress;
    private final SubmissionLimit submissionLimit;
    private final Pages pages;
    private final TaskPages taskPages;

    public TaskPageController(TaskQueries queries, SubmitProgress submitProgress, SubmissionLimit submissionLimit,
                              Pages pages, TaskPages taskPages) {
        this.queries = queries;
        this.submitProgress = submitProgress;
        this.submissionLimit = submissionLimit;
        this.pages = pages;
        this.taskPages = taskPages;
    }

    /** {@code ?unit=<unitId>&before=<cursor>} pages back through one unit's history. */
    @Get("/tasks/{id}")
    public HttpResponse<?> task(SessionCaller caller, HttpRequest<?> request, String id) {
        return taskPages.show(caller, request, id);
    }

    @Post("/tasks/{id}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> submit(SignedForm form, HttpRequest<?> request, String id) {
        SessionCaller caller = form.caller();
        submissionLimit.acquire(caller.who());
        return switch (submitProgress.submit(caller.plan(), caller.who(), id, ReportForm.input(form.fields()))) {
            case SubmitOutcome.Stored s -> confirmationRedirect(s.submission());
            case SubmitOutcome.Replayed r -> confirmationRedirect(r.submission());
            case SubmitOutcome.KeyReused k -> throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "该表单已提交过不同的内容，请重新打开任务页面填报");
            case SubmitOutcome.KeyInvalid k -> invalidForm(form, request, id, List.of(k.error()));
            case SubmitOutcome.Invalid inv -> invalidForm(form, request, id, inv.errors());
            case SubmitOutcome.UnknownTask u -> throw Refused.unknownTask(id);
            case SubmitOutcome.NotResponsible n -> throw Refused.notResponsible(id);
        };
    }

    @Get("/submissions/{taskId}/{unitId}/{key}")
    public HttpResponse<?> confirmation(SessionCaller caller, String taskId, String unitId, String key) {
        Submission s = queries.submission(caller.plan(), caller.who(), taskId, unitId, key);
        return pages.ok(new ConfirmationPage(pages.layout(caller), caller.plan().task(taskId).orElseThrow(), s));
    }

    /** The form again with what was typed and each field's error (the task exists: core checked it first). */
    private HttpResponse<?> invalidForm(SignedForm form, HttpRequest<?> request, String id, List<FieldError> errors) {
        return taskPages.invalid(form.caller(), request, id,
                FormState.failed(FormState.Form.REPORT, null, form.fields(), errors));
    }

    /** Redirect-after-post: a refresh of the confirmation page cannot submit again. */
    private static HttpResponse<?> confirmationRedirect(Submission s) {
        return HttpResponse.seeOther(URI.create("/submissions/" + Display.pathSegment(s.taskId()) + "/"
                + Display.pathSegment(s.unitId()) + "/" + Display.pathSegment(s.idempotencyKey())));
    }
}
