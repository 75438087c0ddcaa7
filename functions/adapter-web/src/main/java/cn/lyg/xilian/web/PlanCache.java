package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanYears;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.wiring.LoadedYears;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded plan years and each year's plan, read from the table and reused for a short while: every page needs
 * them, and reading ~100 items per request would dominate the request time.
 */
@Singleton
public class PlanCache {

    private final CatalogRepository catalog;
    private final WebSettings settings;
    private final LoadedYears loadedYears;
    private final Clock clock;
    private final Map<Integer, Cached<Plan>> plans = new ConcurrentHashMap<>();
    private volatile Cached<PlanYears> years;

    private record Cached<T>(T value, Instant readAt) {
    }

    public PlanCache(CatalogRepository catalog, WebSettings settings, LoadedYears loadedYears, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.loadedYears = loadedYears;
        this.clock = clock;
    }

    /** The plan of the current year ({@link PlanYears#current}): what a URL without a year shows. */
    public Plan plan() {
        return plan(currentYear());
    }

    /** The plan of a loaded year; 404 for a year the deployment does not hold. */
    public Plan plan(int year) {
        if (!years().loaded(year)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NO_SUCH_YEAR", "没有" + year + "年的工作计划");
        }
        Instant now = clock.instant();
        Cached<Plan> p = plans.get(year);
        if (p == null || stale(p.readAt(), now)) {
            p = new Cached<>(catalog.plan(year).orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "PLAN_NOT_LOADED", year + "年工作计划尚未导入")), now);
            plans.put(year, p);
        }
        return p.value();
    }

    public PlanYears years() {
        Instant now = clock.instant();
        Cached<PlanYears> y = years;
        if (y == null || stale(y.readAt(), now)) {
            y = new Cached<>(loadedYears.read(), now);
            years = y;
        }
        return y.value();
    }

    public LocalDate today() {
        return loadedYears.today();
    }

    public int currentYear() {
        return years().current(today()).orElseThrow();
    }

    private boolean stale(Instant readAt, Instant now) {
        return readAt.plus(Duration.ofSeconds(settings.getPlanCacheSeconds())).isBefore(now);
    }

    /** Forgets the cached plans and years (after a catalog load in the same process, e.g. in tests). */
    public void invalidate() {
        plans.clear();
        years = null;
    }
}
