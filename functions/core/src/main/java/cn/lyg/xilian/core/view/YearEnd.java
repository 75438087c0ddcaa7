package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummaryBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.IntFunction;

/**
 * The 年度总结 use case: coordinators only. The year is the URL's path (/summary/2026), not the request's year
 * (?year=): in January the coordinators sum up the year before while the current year is the new one. Reads the
 * year's states once.
 */
public class YearEnd {

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("20[0-9]{2}");

    private final ProgressRepository progress;
    private final Clock clock;

    public YearEnd(ProgressRepository progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * The summary of the year {@code year} names (from a URL: four digits, else 404 UNKNOWN_YEAR), whose plan
     * {@code plans} reads (a year the deployment does not hold is its refusal); checked for a coordinator first, so a
     * unit learns nothing of the years.
     */
    public YearSummary summary(IntFunction<Plan> plans, Principal who, String year) {
        if (!who.coordinator()) {
            throw Refused.coordinatorOnly();
        }
        if (!YEAR.matcher(year).matches()) {
            throw Refused.unknownYear(year.length() > 8 ? year.substring(0, 8) : year);
        }
        return summary(plans.apply(Integer.parseInt(year)), who);
    }

    public YearSummary summary(Plan plan, Principal who) {
        if (!who.coordinator()) {
            throw Refused.coordinatorOnly();
        }
        return YearSummaryBuilder.build(plan, progress.allStates(plan.year()),
                LocalDate.now(clock.withZone(PlanTime.ZONE)));
    }
}
