package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.web.PlanCache;
import io.micronaut.http.HttpRequest;

/**
 * The JSON API's progress submission: a {@link BearerCaller} whose submission is also counted against its
 * credential's limit per minute, both in one storage call ({@link Authenticator#bearerSubmission}); 401 as for a
 * {@link BearerCaller}, 429 at the limit.
 */
public final class BearerSubmitter extends Caller {

    BearerSubmitter(Principal who, PlanCache plans, HttpRequest<?> request) {
        super(who, plans, request);
    }
}
