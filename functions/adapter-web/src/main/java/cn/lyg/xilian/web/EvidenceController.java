package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.Multipart;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.RequestBodies;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 佐证材料 through the application (the local run's embedded store): a multipart form posts files to one of the
 * unit's reports; downloads are served only to coordinators and the reporting unit, as attachments, never rendered
 * inline. Without an evidence store in the context (a deployment that has not configured one) both answer 503.
 */
@Controller
public class EvidenceController {

    /** One request carries up to two maximum-size files' worth, so an oversized file gets its own message. */
    static final int MAX_UPLOAD_BYTES = (int) (2 * EvidenceRules.MAX_FILE_BYTES + 1024 * 1024);

    private final Authenticator auth;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final AttachEvidence evidence;

    public EvidenceController(Authenticator auth, RequestBodies bodies, PlanCache plans,
                              @Nullable AttachEvidence evidence) {
        this.auth = auth;
        this.bodies = bodies;
        this.plans = plans;
        this.evidence = evidence;
    }

    @Post("/tasks/{id}/reports/{key}/evidence")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(HttpRequest<?> request, String id, String key) {
        Principal who = auth.requireSession(request);
        AttachEvidence use = available();
        Multipart form = Multipart.parse(request.getHeaders().get("Content-Type"),
                bodies.bytes(request, MAX_UPLOAD_BYTES));
        auth.requireCsrf(request, form.field("_csrf"));
        List<EvidenceRules.Upload> uploads = form.files().stream()
                .filter(f -> f.field().equals("files"))
                .map(f -> new EvidenceRules.Upload(f.filename(), f.content())).toList();
        Outcomes.done(use.attach(plans.plan(), who, id, key, uploads));
        return HttpResponse.seeOther(URI.create("/tasks/" + enc(id) + "#history-" + enc(who.unitId())));
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
        String name = d.file().displayName();
        String ascii = "evidence." + d.file().type().extension();
        return HttpResponse.ok(d.content())
                .contentType(d.file().type().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
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
