package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.Caller;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.RequestBodies;
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
import io.micronaut.json.tree.JsonNode;

import java.net.URI;
import java.util.Set;

/**
 * 佐证材料 posted by the browser straight to the store (S3), where the store can sign such a form: a page with a
 * plain multipart form (no JavaScript) whose target is the bucket; S3 redirects back to {@code uploaded}, which
 * checks the object by content and size and attaches it (or deletes it). The JSON API does the same in two calls;
 * the upload's key is its idempotency key (confirming it twice answers the recorded file, {@code replayed}).
 */
@Controller
public class DirectUploadController {

    private final RequestBodies bodies;
    private final Pages pages;
    private final WebSettings settings;
    private final AttachEvidence evidence;

    public DirectUploadController(RequestBodies bodies, Pages pages, WebSettings settings,
                                  @Nullable AttachEvidence evidence) {
        this.bodies = bodies;
        this.pages = pages;
        this.settings = settings;
        this.evidence = evidence;
    }

    @Get("/tasks/{id}/reports/{key}/evidence/upload")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(SessionCaller caller, String id, String key) {
        EvidenceStore.DirectUpload form = uploadForm(caller, id, key); // first: it checks the task and the report
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
        Outcomes.done(EvidenceRoutes.available(evidence).confirmUpload(caller.plan(), caller.who(), id, report,
                upload, request.getParameters().get("key")));
        return EvidenceRoutes.backToHistory(id, caller.who().unitId());
    }

    /** JSON: a presigned POST for one file ({@code action}, {@code fields}; the file part, named file, last). */
    @Post("/api/v1/tasks/{id}/reports/{key}/evidence/uploads")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> apiForm(BearerCaller caller, String id, String key) {
        return HttpResponse.created(uploadForm(caller, id, key));
    }

    /** JSON: {@code {"key": <the uploaded object's key>}} attaches the posted file; 201, or 200 on a replay. */
    @Post("/api/v1/tasks/{id}/reports/{key}/evidence")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> apiConfirm(BearerCaller caller, HttpRequest<?> request, String id, String key) {
        JsonNode uploaded = bodies.jsonObject(request, Set.of("key")).get("key");
        if (uploaded == null || !uploaded.isString()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 key 须为上传后得到的文件键");
        }
        return Outcomes.answer(EvidenceRoutes.available(evidence).confirmUpload(caller.plan(), caller.who(), id, key,
                null, uploaded.getStringValue()));
    }

    /** The signed form for one file of the report; S3 sends the browser back to {@link #uploaded}. */
    private EvidenceStore.DirectUpload uploadForm(Caller caller, String id, String key) {
        return Outcomes.done(EvidenceRoutes.available(evidence).uploadForm(caller.plan(), caller.who(), id, key,
                upload -> URI.create(settings.getPublicBaseUrl() + "/tasks/" + Display.pathSegment(id) + "/reports/"
                        + Display.pathSegment(key) + "/evidence/uploaded/" + Display.pathSegment(upload))))
                .value().form();
    }
}
