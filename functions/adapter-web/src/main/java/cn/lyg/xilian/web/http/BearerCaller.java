package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.web.PlanCache;
import io.micronaut.http.HttpRequest;

/** A JSON API request with a valid {@code Authorization: Bearer} token (never the cookie); 401 otherwise. */
public final class BearerCaller extends Caller {

    BearerCaller(Principal who, PlanCache plans, HttpRequest<?> request) {
        super(who, plans, request);
    }
}
