package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.web.http.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.net.URI;

/** What the two evidence controllers share: the store's absence (503) and the way back to the unit's reports. */
final class EvidenceRoutes {

    private EvidenceRoutes() {
    }

    /** The evidence use case, or 503 where no store is configured. */
    static AttachEvidence available(@Nullable AttachEvidence evidence) {
        if (evidence == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "EVIDENCE_UNAVAILABLE", "佐证材料存储未配置，暂不能上传或下载");
        }
        return evidence;
    }

    /** Redirect-after-post to the unit's history on the task page. */
    static HttpResponse<?> backToHistory(String taskId, String unitId) {
        return HttpResponse.seeOther(URI.create("/tasks/" + Display.pathSegment(taskId) + "#history-"
                + Display.pathSegment(unitId)));
    }
}
