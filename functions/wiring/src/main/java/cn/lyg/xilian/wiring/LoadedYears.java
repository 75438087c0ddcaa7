package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.PlanYears;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The plan years of the deployment, read from the table's year list (one small Query, never a scan); while the list
 * is empty (nothing loaded since the list was introduced) the configured seed year stands in, so a deployment that
 * served one year keeps serving it.
 */
@Singleton
public class LoadedYears {

    private final CatalogRepository catalog;
    private final PlanSettings settings;
    private final Clock clock;

    public LoadedYears(CatalogRepository catalog, PlanSettings settings, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    public PlanYears read() {
        List<Integer> listed = catalog.years();
        return new PlanYears(listed.isEmpty() ? List.of(settings.getYear()) : listed, settings.closeoutUntil());
    }

    /** Today in the plan's zone: what the year states are judged on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlanTime.ZONE));
    }
}
