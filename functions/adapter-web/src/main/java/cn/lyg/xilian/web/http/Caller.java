package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanYears;
import cn.lyg.xilian.core.catalog.YearState;
import cn.lyg.xilian.web.PlanCache;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

/**
 * Who is asking, signed in one of the two ways that are never interchangeable ({@link Authenticator}), and the plan:
 * a route takes a {@link SessionCaller} (pages), a {@link SignedForm} (their form posts) or a {@link BearerCaller}
 * (the JSON API; {@link BearerSubmitter} for its progress submission, checked and counted in one call), bound once per request by {@link CallerBinders} after the filters, in the argument's place, so no
 * controller checks a credential itself. A refusal is thrown while binding and answered as a controller's would be.
 */
public abstract sealed class Caller permits SessionCaller, BearerCaller, BearerSubmitter {

    private final Principal who;
    private final PlanCache plans;
    private final HttpRequest<?> request;
    private Plan plan;

    Caller(Principal who, PlanCache plans, HttpRequest<?> request) {
        this.who = who;
        this.plans = plans;
        this.request = request;
    }

    public Principal who() {
        return who;
    }

    /**
     * The plan of the request's year, read when the route first needs it (as before the binding: a request refused
     * earlier reads no plan) and then the same for the rest of the request. The year is the URL's {@code ?year=}
     * (exactly four digits, a loaded year; else 404), or the current year ({@link PlanYears#current}) when the URL
     * names none, so the URLs of one-year deployments keep working.
     *
     * <p>A write (any method but GET and HEAD) to an archived year is refused here with 409, before a route reads or
     * writes anything: every write of a year's progress (reports, reviews, extensions, instructions, evidence), on a
     * page or through the API, goes through its plan. The directory's writes (/admin) are not a year's and pass.
     */
    public Plan plan() {
        if (plan == null) {
            String asked = request.getParameters().get("year");
            int year = asked == null ? plans.currentYear() : PlanYears.parse(asked).orElseThrow(() ->
                    new ApiException(HttpStatus.NOT_FOUND, "NO_SUCH_YEAR", "没有这一年的工作计划"));
            Plan p = plans.plan(year);
            if (writes() && !plans.years().state(year, plans.today()).open()) {
                throw new ApiException(HttpStatus.CONFLICT, "YEAR_ARCHIVED", PlanYears.archivedMessage(year));
            }
            plan = p;
        }
        return plan;
    }

    /**
     * The plan of a year a route names itself (the 年度总结's path, /summary/2026), whatever the request's
     * {@code ?year=}: 404 NO_SUCH_YEAR for a year the deployment does not hold. For reading only: no year-state check.
     */
    public Plan planOf(int year) {
        return plans.plan(year);
    }

    /**
     * A path of the request's year: with its {@code ?year=} when the request named one (a redirect-after-post from
     * a page of a year that is not the current one comes back to that year), else unchanged.
     */
    public String withYear(String path) {
        String asked = request.getParameters().get("year");
        if (asked == null || PlanYears.parse(asked).isEmpty()) {
            return path;
        }
        int hash = path.indexOf('#');
        String base = hash < 0 ? path : path.substring(0, hash);
        return base + (base.contains("?") ? "&" : "?") + "year=" + asked + (hash < 0 ? "" : path.substring(hash));
    }

    /**
     * For the one write that arrives as a GET (S3's redirect after a direct upload attaches the file): refused with
     * 409 in an archived year, as {@link #plan()} refuses the other methods.
     */
    public void requireOpenYear() {
        if (!yearState().open()) {
            throw new ApiException(HttpStatus.CONFLICT, "YEAR_ARCHIVED", PlanYears.archivedMessage(plan().year()));
        }
    }

    /** The year's state today (进行中, 收尾, 已归档) of the request's plan. */
    public YearState yearState() {
        return plans.years().state(plan().year(), plans.today());
    }

    private boolean writes() {
        HttpMethod method = request.getMethod();
        String path = request.getPath();
        return method != HttpMethod.GET && method != HttpMethod.HEAD
                && !path.startsWith("/admin/") && !path.startsWith("/api/v1/admin/");
    }
}
