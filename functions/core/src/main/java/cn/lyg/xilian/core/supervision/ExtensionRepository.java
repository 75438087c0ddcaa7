package cn.lyg.xilian.core.supervision;

import java.util.Optional;

/**
 * Deadline extension requests (延期申请) and their decisions: one request per key, one pending request per
 * (task, unit), one decision per request; each write conditional and safe to retry. An approval becomes the
 * pair's effective deadline on its state.
 */
public interface ExtensionRepository {

    /**
     * Stores a new pending request. {@code Taken} carries the request stored under the same key, or the pair's
     * other pending request (one per pair).
     */
    Write<Extension> requestExtension(Extension request);

    /**
     * Adds the decision to a pending request once; an approval becomes the pair's effective deadline (the most
     * recently decided approval wins). A request already decided is {@code Taken} with its stored decision.
     */
    Write<Extension> decideExtension(Extension decided);

    Optional<Extension> extension(int year, String taskId, String unitId, String key);
}
