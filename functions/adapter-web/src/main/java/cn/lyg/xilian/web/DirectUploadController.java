package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.RequestBodies;
import cn.lyg.xilian.web.http.SecurityHeadersFilter;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * 佐证材料 posted by the browser straight to the store (S3), where the store can sign such a form: a page with a
 * plain multipart form (no JavaScript) whose target is the bucket; S3 redirects back to {@code uploaded}, which
 * checks the object by content and size and attaches it (or deletes it). The JSON API does the same in two calls;
 * the upload's key is its idempotency key (confirming it twice answers the recorded file, {@code replayed}).
 */
@Controller
public class DirectUploadController {

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final Pages pages;
    private final Display display;
    private final WebSettings settings;
    private final AttachEvidence evidence;

    public DirectUploadController(Authenticator auth, RequestBodies bodies, PlanCache plans, Pages pages,
                                  Display display, WebSettings settings, @Nullable AttachEvidence evidence) {
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.pages = pages;
        this.display = display;
        this.settings = settings;
        this.evidence = evidence;
    }

    @Get("/tasks/{id}/reports/{key}/evidence/upload")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(HttpRequest<?> request, String id, String key) {
        Principal who = auth.requireSession(request);
        EvidenceStore.DirectUpload form = Outcomes.done(available().uploadForm(plans.plan(), who, id, key,
                upload -> confirmUrl(id, key, upload))).value().form();
        Map<String, Object> model = ViewModels.base(plans.plan(), who, display);
        model.put("task", plans.plan().task(id).orElseThrow());
        model.put("form", form);
        model.put("maxFiles", EvidenceRules.MAX_FILES_PER_REPORT);
        model.put("maxBytes", EvidenceRules.MAX_FILE_BYTES);
        // S3 refuses an oversized or empty post with its own XML page and cannot redirect on error: one small
        // script, allowed by this response's nonce only, checks the size first. Without it S3 still enforces it.
        String nonce = Tokens.newToken().substring(0, 22);
        model.put("scriptNonce", nonce);
        URI action = form.action();
        String origin = action.getScheme() + "://" + action.getRawAuthority();
        return pages.ok("evidence-upload", model, request).header("Content-Security-Policy",
                SecurityHeadersFilter.policy("'self' " + origin) + "; script-src 'nonce-" + nonce + "'");
    }

    /**
     * S3's redirect after a successful post: {@code ?bucket=…&key=…&etag=…}. The path is the signed one (in the POST
     * policy): it names the report and the upload's ticket, and only an object of that ticket, under the session's
     * own report, is attached.
     */
    @Get("/tasks/{id}/reports/{report}/evidence/uploaded/{upload}")
    public HttpResponse<?> uploaded(HttpRequest<?> request, String id, String report, String upload) {
        Principal who = auth.requireSession(request);
        Outcomes.done(available().confirmUpload(plans.plan(), who, id, report, upload,
                request.getParameters().get("key")));
        return HttpResponse.seeOther(URI.create("/tasks/" + enc(id) + "#history-" + enc(who.unitId())));
    }

    /** JSON: a presigned POST for one file ({@code action}, {@code fields}; the file part, named file, last). */
    @Post("/api/v1/tasks/{id}/reports/{key}/evidence/uploads")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> apiForm(HttpRequest<?> request, String id, String key) {
        Principal who = auth.bearer(request);
        return HttpResponse.created(Outcomes.done(available().uploadForm(plans.plan(), who, id, key,
                upload -> confirmUrl(id, key, upload))).value().form());
    }

    /** JSON: {@code {"key": <the uploaded object's key>}} attaches the posted file; 201, or 200 on a replay. */
    @Post("/api/v1/tasks/{id}/reports/{key}/evidence")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> apiConfirm(HttpRequest<?> request, String id, String key) {
        Principal who = auth.bearer(request);
        JsonNode body = bodies.jsonObject(request, Set.of("key"));
        JsonNode uploaded = body.get("key");
        if (uploaded == null || !uploaded.isString()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 key 须为上传后得到的文件键");
        }
        Outcome.Done<EvidenceFile> done = Outcomes.done(available().confirmUpload(plans.plan(), who, id, key,
                null, uploaded.getStringValue()));
        return done.replayed() ? HttpResponse.ok(new SupervisionApiController.Result<>(true, done.value()))
                : HttpResponse.created(new SupervisionApiController.Result<>(false, done.value()));
    }

    private URI confirmUrl(String id, String key, String upload) {
        return URI.create(settings.getPublicBaseUrl() + "/tasks/" + enc(id) + "/reports/" + enc(key)
                + "/evidence/uploaded/" + enc(upload));
    }

    private AttachEvidence available() {
        if (evidence == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "EVIDENCE_UNAVAILABLE", "佐证材料存储未配置，暂不能上传或下载");
        }
        return evidence;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
