package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.view.Refused;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
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
import java.util.List;
import java.util.Map;

/** A task's page with its report form, the form's post (with its files, {@link ReportSubmission}) and the confirmation. */
@Controller
@Produces(MediaType.TEXT_HTML)
public class TaskPageController {

    private final TaskQueries queries;
    private final ReportSubmission reports;
    private final Pages pages;
    private final TaskPages taskPages;
    private final AttachEvidence evidence;

    public TaskPageController(TaskQueries queries, ReportSubmission reports, Pages pages, TaskPages taskPages,
                              @Nullable AttachEvidence evidence) {
        this.queries = queries;
        this.reports = reports;
        this.pages = pages;
        this.taskPages = taskPages;
        this.evidence = evidence;
    }

    /** {@code ?unit=<unitId>&before=<cursor>} pages back through one unit's history. */
    @Get("/tasks/{id}")
    public HttpResponse<?> task(SessionCaller caller, HttpRequest<?> request, String id) {
        return taskPages.show(caller, request, id);
    }

    @Post("/tasks/{id}")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> submit(SessionCaller caller, HttpRequest<?> request, String id) {
        ReportSubmission.Result posted = reports.submit(caller, request, id);
        return switch (posted.outcome()) {
            case SubmitOutcome.Stored s -> confirmationRedirect(caller, s.submission());
            case SubmitOutcome.Replayed r -> confirmationRedirect(caller, r.submission());
            case SubmitOutcome.KeyReused k -> throw new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "该表单已提交过不同的内容，请重新打开任务页面填报");
            case SubmitOutcome.KeyInvalid k -> invalidForm(caller, posted.fields(), request, id, List.of(k.error()));
            case SubmitOutcome.Invalid inv -> invalidForm(caller, posted.fields(), request, id, inv.errors());
            case SubmitOutcome.UnknownTask u -> throw Refused.unknownTask(id);
            case SubmitOutcome.NotResponsible n -> throw Refused.notResponsible(id);
        };
    }

    /** {@code ?uploaded=N} after files were added from this page ("已上传N个文件"). */
    @Get("/submissions/{taskId}/{unitId}/{key}")
    public HttpResponse<?> confirmation(SessionCaller caller, HttpRequest<?> request, String taskId, String unitId,
                                        String key) {
        Submission s = queries.submission(caller.plan(), caller.who(), taskId, unitId, key);
        return pages.ok(new ConfirmationPage(pages.layout(caller), caller.plan().task(taskId).orElseThrow(), s,
                evidence == null ? List.of() : evidence.files(caller.plan(), caller.who(), taskId, unitId, key),
                unitId.equals(caller.who().unitId()) ? ConfirmationPage.upload(evidence) : ConfirmationPage.Upload.NONE,
                TaskPages.uploaded(request)));
    }

    /** The form again with what was typed and each field's error (the task exists: core checked it first). */
    private HttpResponse<?> invalidForm(SessionCaller caller, Map<String, List<String>> fields, HttpRequest<?> request,
                                        String id, List<FieldError> errors) {
        return taskPages.invalid(caller, request, id, FormState.failed(FormState.Form.REPORT, null, fields, errors));
    }

    /** Redirect-after-post: a refresh of the confirmation page cannot submit again. */
    private static HttpResponse<?> confirmationRedirect(SessionCaller caller, Submission s) {
        return HttpResponse.seeOther(URI.create(caller.withYear(ConfirmationPage.path(s))));
    }
}
