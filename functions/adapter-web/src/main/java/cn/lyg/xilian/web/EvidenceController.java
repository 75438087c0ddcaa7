package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.supervision.Outcome;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.Caller;
import cn.lyg.xilian.web.http.Multipart;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.SessionCaller;
import cn.lyg.xilian.web.http.UploadReceiver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

import java.util.List;
import java.util.function.Consumer;

/**
 * 佐证材料 through the application (the local run's embedded store; in the deployed shape files go to S3 directly,
 * {@link DirectUploadController}): the form, or the API with multipart, posts files to one of the unit's reports,
 * streamed to disk and checked before any is stored; downloads are served only to coordinators and the reporting
 * unit, as attachments under the file's safe name, never rendered inline. Without an evidence store in the context
 * (a deployment that has not configured one) they answer 503.
 */
@Controller
public class EvidenceController {

    private final UploadReceiver receiver;
    private final AttachEvidence evidence;

    public EvidenceController(UploadReceiver receiver, @Nullable AttachEvidence evidence) {
        this.receiver = receiver;
        this.evidence = evidence;
    }

    /** The form: files posted by the signed-in unit (CSRF token in the form), then back to the task page. */
    @Post("/tasks/{id}/reports/{key}/evidence")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(SessionCaller caller, HttpRequest<?> request, String id, String key) {
        attach(caller, request, id, key, body -> caller.requireCsrf(body.field("_csrf")));
        return EvidenceRoutes.backToHistory(id, caller.who().unitId());
    }

    /** JSON API: files as multipart ({@code files}, repeated) with a Bearer token; 201, or 200 when all were there. */
    @Post("/api/v1/tasks/{id}/reports/{key}/evidence/files")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> apiUpload(BearerCaller caller, HttpRequest<?> request, String id, String key) {
        return Outcomes.answer(attach(caller, request, id, key, body -> { }));
    }

    /** The body's {@code files}, streamed to disk, attached once {@code check} passed (a form's CSRF token). */
    private Outcome.Done<List<EvidenceFile>> attach(Caller caller, HttpRequest<?> request, String id, String key,
                                                     Consumer<Multipart> check) {
        AttachEvidence use = EvidenceRoutes.available(evidence);
        try (Multipart body = receiver.receive(request)) {
            check.accept(body);
            return Outcomes.done(use.attach(caller.plan(), caller.who(), id, key, UploadReceiver.uploads(body, "files")));
        }
    }

    @Get("/evidence/{taskId}/{unitId}/{key}/{fileId}")
    public HttpResponse<?> download(SessionCaller caller, String taskId, String unitId, String key, String fileId) {
        return EvidenceRoutes.download(EvidenceRoutes.available(evidence).download(caller.plan(), caller.who(), taskId,
                unitId, key, fileId));
    }
}
