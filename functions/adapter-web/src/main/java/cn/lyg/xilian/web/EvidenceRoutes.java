package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Caller;
import cn.lyg.xilian.web.http.Multipart;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.UploadReceiver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the evidence routes of the pages and of the JSON API (web.api) share: the store's absence (503), receiving
 * files, the signed form for a direct upload, a download, the way back to the unit's reports.
 */
public final class EvidenceRoutes {

    private EvidenceRoutes() {
    }

    /** The evidence use case, or 503 where no store is configured. */
    public static AttachEvidence available(@Nullable AttachEvidence evidence) {
        if (evidence == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "EVIDENCE_UNAVAILABLE", "佐证材料存储未配置，暂不能上传或下载");
        }
        return evidence;
    }

    /**
     * The body's {@code files} (multipart), streamed to disk, attached to the caller's report once {@code check}
     * passed (the form's CSRF token); the temporary files are deleted either way. More files than a post may carry
     * is an invalid {@code files} like the use case's own refusals, so the form shows it beside its field.
     */
    public static Outcome<List<EvidenceFile>> attach(@Nullable AttachEvidence evidence, UploadReceiver receiver,
                                                     Caller caller, HttpRequest<?> request, String id, String key,
                                                     Consumer<Multipart> check) {
        AttachEvidence use = available(evidence);
        try (Multipart body = receiver.receive(request)) {
            check.accept(body);
            if (body.droppedFiles() > 0) {
                return new Outcome.Invalid<>(List.of(UploadReceiver.TOO_MANY));
            }
            return use.attach(caller.plan(), caller.who(), id, key, UploadReceiver.uploads(body, "files"));
        }
    }

    /** The signed form for one file of the report; the store sends the browser back to the page's "uploaded" route. */
    public static EvidenceStore.DirectUpload uploadForm(@Nullable AttachEvidence evidence, WebSettings settings,
                                                        Caller caller, String id, String key) {
        return Outcomes.done(available(evidence).uploadForm(caller.plan(), caller.who(), id, key,
                upload -> URI.create(settings.getPublicBaseUrl() + "/tasks/" + Display.pathSegment(id) + "/reports/"
                        + Display.pathSegment(key) + "/evidence/uploaded/" + Display.pathSegment(upload))))
                .value().form();
    }

    /** Redirect-after-post to the unit's history on the task page, which says how many files were uploaded. */
    static HttpResponse<?> backToHistory(cn.lyg.xilian.web.http.Caller caller, String taskId, String unitId,
                                         int uploaded) {
        return HttpResponse.seeOther(URI.create(caller.withYear("/tasks/" + Display.pathSegment(taskId)
                + (uploaded > 0 ? "?uploaded=" + uploaded : "") + "#history-" + Display.pathSegment(unitId))));
    }

    /** Redirect-after-post to the report's confirmation page, which lists its files and says how many were added. */
    static HttpResponse<?> backToReport(cn.lyg.xilian.web.http.Caller caller, String taskId, String unitId, String key,
                                        int uploaded) {
        return HttpResponse.seeOther(URI.create(caller.withYear("/submissions/" + Display.pathSegment(taskId) + "/"
                + Display.pathSegment(unitId) + "/" + Display.pathSegment(key)
                + (uploaded > 0 ? "?uploaded=" + uploaded : ""))));
    }

    /**
     * A file for a coordinator or the reporting unit (the use case checked who may read it), never rendered inline:
     * from S3 a link signed for a few minutes, from the local store the bytes as an attachment.
     */
    static HttpResponse<?> download(Optional<AttachEvidence.Download> found) {
        AttachEvidence.Download d = found.orElseThrow(EvidenceRoutes::fileNotFound);
        if (d.link() != null) {
            return HttpResponse.seeOther(d.link()).header("Cache-Control", "private, no-store");
        }
        EvidenceFile file = d.file();
        InputStream content;
        try {
            content = d.content().open();
        } catch (IOException e) {
            throw fileNotFound();
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

    private static ApiException fileNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "FILE_NOT_FOUND", "未找到该文件，或无权查看");
    }
}
