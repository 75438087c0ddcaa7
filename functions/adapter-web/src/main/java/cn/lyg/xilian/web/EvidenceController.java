package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.Multipart;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.UploadReceiver;
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
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 佐证材料 through the application (the local run's embedded store; in the deployed shape files go to S3 directly,
 * {@link DirectUploadController}): the form, or the API with multipart, posts files to one of the unit's reports,
 * streamed to disk and checked before any is stored; downloads are served only to coordinators and the reporting
 * unit, as attachments under the file's safe name, never rendered inline. Without an evidence store in the context
 * (a deployment that has not configured one) they answer 503.
 */
@Controller
public class EvidenceController {

    private final Authenticator auth;
    private final UploadReceiver receiver;
    private final PlanCache plans;
    private final AttachEvidence evidence;

    public EvidenceController(Authenticator auth, UploadReceiver receiver, PlanCache plans,
                              @Nullable AttachEvidence evidence) {
        this.auth = auth;
        this.receiver = receiver;
        this.plans = plans;
        this.evidence = evidence;
    }

    /** The form: files posted by the signed-in unit (CSRF token in the form), then back to the task page. */
    @Post("/tasks/{id}/reports/{key}/evidence")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(HttpRequest<?> request, String id, String key) {
        Principal who = auth.requireSession(request);
        attach(request, who, id, key, body -> auth.requireCsrf(request, body.field("_csrf")));
        return HttpResponse.seeOther(URI.create("/tasks/" + enc(id) + "#history-" + enc(who.unitId())));
    }

    /** JSON API: files as multipart ({@code files}, repeated) with a Bearer token; 201, or 200 when all were there. */
    @Post("/api/v1/tasks/{id}/reports/{key}/evidence/files")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> apiUpload(HttpRequest<?> request, String id, String key) {
        Outcome.Done<List<EvidenceFile>> done = attach(request, auth.bearer(request), id, key, body -> { });
        return done.replayed() ? HttpResponse.ok(new SupervisionApiController.Result<>(true, done.value()))
                : HttpResponse.created(new SupervisionApiController.Result<>(false, done.value()));
    }

    /** The body's {@code files}, streamed to disk, attached once {@code check} passed (a form's CSRF token). */
    private Outcome.Done<List<EvidenceFile>> attach(HttpRequest<?> request, Principal who, String id, String key,
                                                     java.util.function.Consumer<Multipart> check) {
        AttachEvidence use = available();
        try (Multipart body = receiver.receive(request)) {
            check.accept(body);
            return Outcomes.done(use.attach(plans.plan(), who, id, key, UploadReceiver.uploads(body, "files")));
        }
    }

    @Get("/evidence/{taskId}/{unitId}/{key}/{fileId}")
    public HttpResponse<?> download(HttpRequest<?> request, String taskId, String unitId, String key, String fileId) {
        Principal who = auth.requireSession(request);
        AttachEvidence.Download d = available().download(plans.plan(), who, taskId, unitId, key, fileId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "FILE_NOT_FOUND", "未找到该文件，或无权查看"));
        if (d.link() != null) {
            // S3: a link signed for a few minutes, asked for by someone who may read the task (checked above).
            return HttpResponse.seeOther(d.link()).header("Cache-Control", "private, no-store");
        }
        EvidenceFile file = d.file();
        InputStream content;
        try {
            content = d.content().open();
        } catch (IOException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "FILE_NOT_FOUND", "未找到该文件，或无权查看");
        }
        // The name is the safe one (EvidenceFile): the detected type's extension, no invisible characters.
        return HttpResponse.ok(new StreamedFile(content, MediaType.of(file.type().contentType()), 0, file.size()))
                .contentType(file.type().contentType())
                .header("Content-Disposition", "attachment; filename=\"evidence." + file.type().extension()
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(file.displayName(), StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store");
    }

    private AttachEvidence available() {
        if (evidence == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "EVIDENCE_UNAVAILABLE", "佐证材料存储未配置，暂不能上传或下载");
        }
        return evidence;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
