package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * 佐证材料 posted by the browser straight to the store (S3), where the store can sign such a form: a page with a
 * plain multipart form (no JavaScript) whose target is the bucket; S3 redirects back to {@code uploaded}, which
 * checks the object by content and size and attaches it (or deletes it). The JSON API does the same in two calls
 * (web.api.EvidenceApiController).
 */
@Controller
public class DirectUploadController {

    private final Pages pages;
    private final WebSettings settings;
    private final AttachEvidence evidence;

    public DirectUploadController(Pages pages, WebSettings settings, @Nullable AttachEvidence evidence) {
        this.pages = pages;
        this.settings = settings;
        this.evidence = evidence;
    }

    @Get("/tasks/{id}/reports/{key}/evidence/upload")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(SessionCaller caller, String id, String key) {
        EvidenceStore.DirectUpload form = EvidenceRoutes.uploadForm(evidence, settings, caller, id, key); // checks first
        EvidenceUploadPage page = EvidenceUploadPage.of(pages.layout(caller), caller.plan().task(id).orElseThrow(),
                form);
        return pages.ok(page).header("Content-Security-Policy", page.contentSecurityPolicy());
    }

    /**
     * S3's redirect after a successful post ({@code ?bucket=…&key=…&etag=…}) to the signed path: it names the report
     * and the upload's ticket; only an object of that ticket, under the session's own report, is attached.
     */
    @Get("/tasks/{id}/reports/{report}/evidence/uploaded/{upload}")
    public HttpResponse<?> uploaded(SessionCaller caller, HttpRequest<?> request, String id, String report,
                                    String upload) {
        caller.requireOpenYear();
        Outcomes.done(EvidenceRoutes.available(evidence).confirmUpload(caller.plan(), caller.who(), id, report,
                upload, request.getParameters().get("key")));
        return EvidenceRoutes.backToHistory(caller, id, caller.who().unitId(), 1);
    }
}
