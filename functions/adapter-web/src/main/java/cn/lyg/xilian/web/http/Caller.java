package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.web.PlanCache;

/**
 * Who is asking, signed in one of the two ways that are never interchangeable ({@link Authenticator}), and the plan:
 * a route takes a {@link SessionCaller} (pages), a {@link SignedForm} (their form posts) or a {@link BearerCaller}
 * (the JSON API), bound once per request by {@link CallerBinders} after the filters, in the argument's place, so no
 * controller checks a credential itself. A refusal is thrown while binding and answered as a controller's would be.
 */
public abstract sealed class Caller permits SessionCaller, BearerCaller {

    private final Principal who;
    private final PlanCache plans;
    private Plan plan;

    Caller(Principal who, PlanCache plans) {
        this.who = who;
        this.plans = plans;
    }

    public Principal who() {
        return who;
    }

    /**
     * The plan, read when the route first needs it (as before the binding: a request refused earlier reads no plan)
     * and then the same for the rest of the request.
     */
    public Plan plan() {
        if (plan == null) {
            plan = plans.plan();
        }
        return plan;
    }
}
