package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummaryBuilder;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The 年度总结 use case: coordinators only. Takes the plan (so a year chosen by the caller, e.g. from the URL,
 * needs nothing here) and reads its states once.
 */
public class YearEnd {

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("20[0-9]{2}");

    private final ProgressRepository progress;
    private final Clock clock;

    public YearEnd(ProgressRepository progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /** The summary of {@code plan}'s year; {@code year} (from a URL) must name it: four digits, that year. */
    public YearSummary summary(Plan plan, Principal who, String year) {
        if (!who.coordinator()) {
            throw Refused.coordinatorOnly();
        }
        if (!YEAR.matcher(year).matches() || Integer.parseInt(year) != plan.year()) {
            throw Refused.unknownYear(year.length() > 8 ? year.substring(0, 8) : year);
        }
        return summary(plan, who);
    }

    public YearSummary summary(Plan plan, Principal who) {
        if (!who.coordinator()) {
            throw Refused.coordinatorOnly();
        }
        return YearSummaryBuilder.build(plan, progress.allStates(plan.year()),
                LocalDate.now(clock.withZone(PlanTime.ZONE)));
    }
}
