package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.progress.Outcome;
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
import java.util.Map;

/**
 * 佐证材料 through the application (the local run's embedded store; in the deployed shape files go to S3 directly,
 * {@link DirectUploadController}): the form (and the API's multipart upload, web.api.EvidenceApiController) posts
 * files to one of the unit's reports, streamed to disk and checked before any is stored; downloads are served only to
 * coordinators and the reporting unit, as attachments under the file's safe name, never rendered inline. Without an
 * evidence store in the context (a deployment that has not configured one) they answer 503.
 */
@Controller
public class EvidenceController {

    private final UploadReceiver receiver;
    private final AttachEvidence evidence;
    private final TaskPages pages;

    public EvidenceController(UploadReceiver receiver, @Nullable AttachEvidence evidence, TaskPages pages) {
        this.receiver = receiver;
        this.evidence = evidence;
        this.pages = pages;
    }

    /**
     * The form: files posted by the signed-in unit (CSRF token in the form), then back where the form was — the
     * task page, or the report's confirmation page ({@code back=confirmation}) — saying how many were attached; a
     * refused file brings the task page back with the message beside the form's file field.
     */
    @Post("/tasks/{id}/reports/{key}/evidence")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(SessionCaller caller, HttpRequest<?> request, String id, String key) {
        boolean[] toConfirmation = {false};
        Outcome<List<EvidenceFile>> outcome = EvidenceRoutes.attach(evidence, receiver, caller, request, id, key,
                body -> {
                    caller.requireCsrf(body.field("_csrf"));
                    toConfirmation[0] = "confirmation".equals(body.field("back"));
                });
        return pages.answer(caller, request, id, FormState.Form.EVIDENCE, null, Map.of(), outcome,
                () -> toConfirmation[0]
                        ? EvidenceRoutes.backToReport(caller, id, caller.who().unitId(), key, attached(outcome))
                        : EvidenceRoutes.backToHistory(caller, id, caller.who().unitId(), attached(outcome)));
    }

    /** How many files the upload added (a repeated post of the same files adds none, and says the files are there). */
    private static int attached(Outcome<List<EvidenceFile>> outcome) {
        return outcome instanceof Outcome.Done<List<EvidenceFile>> d ? d.value().size() : 0;
    }

    @Get("/evidence/{taskId}/{unitId}/{key}/{fileId}")
    public HttpResponse<?> download(SessionCaller caller, String taskId, String unitId, String key, String fileId) {
        return EvidenceRoutes.download(EvidenceRoutes.available(evidence).download(caller.plan(), caller.who(), taskId,
                unitId, key, fileId));
    }
}
