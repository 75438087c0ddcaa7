package cn.lyg.xilian.web;

import cn.lyg.xilian.wiring.PlanSettings;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.web.http.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The plan of the configured year, read from the table and reused for a short while: every page needs it,
 * and reading ~100 items per request would dominate the request time.
 */
@Singleton
public class PlanCache {

    private final CatalogRepository catalog;
    private final WebSettings settings;
    private final PlanSettings planSettings;
    private final Clock clock;
    private volatile Plan plan;
    private volatile Instant readAt = Instant.MIN;

    public PlanCache(CatalogRepository catalog, WebSettings settings, PlanSettings planSettings, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.planSettings = planSettings;
        this.clock = clock;
    }

    public Plan plan() {
        Instant now = clock.instant();
        Plan p = plan;
        int year = planSettings.getYear();
        if (p == null || readAt.plus(Duration.ofSeconds(settings.getPlanCacheSeconds())).isBefore(now)) {
            p = catalog.plan(year).orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "PLAN_NOT_LOADED", year + "年工作计划尚未导入"));
            plan = p;
            readAt = now;
        }
        return p;
    }

    /** Forgets the cached plan (after a catalog load in the same process, e.g. in tests). */
    public void invalidate() {
        plan = null;
    }
}
