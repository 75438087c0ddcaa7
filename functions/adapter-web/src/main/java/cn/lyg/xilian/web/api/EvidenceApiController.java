package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.web.EvidenceRoutes;
import cn.lyg.xilian.web.WebSettings;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.RequestBodies;
import cn.lyg.xilian.web.http.UploadReceiver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.tree.JsonNode;

/**
 * 佐证材料 in the JSON API (Bearer only): files posted through the application (multipart; the local run's store),
 * or straight to the store (S3) with a signed form and then registered; the pages' routes are EvidenceController and
 * DirectUploadController, with the same checks (EvidenceRoutes, core's AttachEvidence). Without an evidence store in
 * the context they answer 503. Each route's OpenAPI operation is in {@link EvidenceApi}, which it implements.
 */
@Controller("/api/v1/tasks/{id}/reports/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.ALL)
public class EvidenceApiController implements EvidenceApi {

    private final RequestBodies bodies;
    private final UploadReceiver receiver;
    private final WebSettings settings;
    private final AttachEvidence evidence;

    public EvidenceApiController(RequestBodies bodies, UploadReceiver receiver, WebSettings settings,
                                 @Nullable AttachEvidence evidence) {
        this.bodies = bodies;
        this.receiver = receiver;
        this.settings = settings;
        this.evidence = evidence;
    }

    /** Files as multipart ({@code files}, repeated); 201, or 200 when every file was there already. */
    @Override
    @Post("/evidence/files")
    public HttpResponse<?> upload(BearerCaller caller, HttpRequest<?> request, String id, String key) {
        return Outcomes.answer(EvidenceRoutes.attach(evidence, receiver, caller, request, id, key, body -> { }));
    }

    /** A presigned POST for one file ({@code action}, {@code fields}; the file part, named file, last). */
    @Override
    @Post("/evidence/uploads")
    public HttpResponse<?> uploadForm(BearerCaller caller, String id, String key) {
        return HttpResponse.created(EvidenceRoutes.uploadForm(evidence, settings, caller, id, key));
    }

    /** {@code {"key": <the uploaded object's key>}} attaches the posted file; the upload's key is its idempotency key. */
    @Override
    @Post("/evidence")
    public HttpResponse<?> attachUploaded(BearerCaller caller, HttpRequest<?> request, String id, String key) {
        JsonNode uploaded = bodies.jsonObject(request, ApiBodies.fields(ApiBodies.UploadedFile.class)).get("key");
        if (uploaded == null || !uploaded.isString()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 key 须为上传后得到的文件键");
        }
        return Outcomes.answer(EvidenceRoutes.available(evidence).confirmUpload(caller.plan(), caller.who(), id, key,
                null, uploaded.getStringValue()));
    }
}
