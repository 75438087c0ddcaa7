package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Evidence files received by the application (the form; the API's multipart): the body streamed to temporary
 * files, at most {@link EvidenceRules#MAX_FILES_PER_REPORT} files of at most {@link EvidenceRules#MAX_FILE_BYTES}
 * each, memory bounded whatever the size. The caller closes the {@link Multipart} (it deletes the files).
 */
@Singleton
public class UploadReceiver {

    /** The most one upload request may carry: ten maximum-size files and their form fields. */
    /** More files in one post than a report may carry (the extra ones were not even read). */
    public static final FieldError TOO_MANY = new FieldError("files", "TOO_MANY_FILES",
            "每次最多上传" + EvidenceRules.MAX_FILES_PER_REPORT + "个文件");
    public static final long MAX_REQUEST_BYTES = EvidenceRules.MAX_FILES_PER_REPORT * EvidenceRules.MAX_FILE_BYTES
            + 1024 * 1024;
    private static final Multipart.Limits LIMITS = new Multipart.Limits(EvidenceRules.MAX_FILES_PER_REPORT,
            EvidenceRules.MAX_FILE_BYTES, EvidenceRules.TYPE_PROBE_BYTES);

    private final RequestBodies bodies;
    private final Path tempDir;

    public UploadReceiver(RequestBodies bodies, WebSettings settings) {
        this.bodies = bodies;
        this.tempDir = Path.of(settings.getUploadTempDir());
    }

    public Multipart receive(HttpRequest<?> request) {
        try {
            Files.createDirectories(tempDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + tempDir, e);
        }
        return Multipart.read(request.getHeaders().get("Content-Type"), bodies.stream(request, MAX_REQUEST_BYTES),
                LIMITS, tempDir);
    }

    /** The files of the form's field {@code field}, as the use case takes them (read from disk when stored). */
    public static List<EvidenceRules.Upload> uploads(Multipart form, String field) {
        if (form.droppedFiles() > 0) {
            throw ApiException.invalid(List.of(TOO_MANY));
        }
        return form.files().stream().filter(f -> f.field().equals(field))
                .map(f -> new EvidenceRules.Upload(f.filename(), f.size(), f.head(), f.sha256(),
                        f.cutOff() ? null : () -> Files.newInputStream(f.path())))
                .toList();
    }
}
