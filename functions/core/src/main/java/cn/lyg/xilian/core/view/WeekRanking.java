package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.UnitScore;
import cn.lyg.xilian.core.report.WeekSummaries;
import cn.lyg.xilian.core.report.WeeklySummary;
import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The board's 排名 of a past week ({@code core.report.WeeklyRanking}) and its 情况通报. Coordinators see every unit's
 * line, sortable; a unit sees its own score and rank only, never the others' scores. The 情况通报 (which names every
 * unit's score) is the coordinators' only.
 */
public class WeekRanking {

    /** The columns a ranking can be sorted by (GET parameter {@code sort}); "rank" is the default. */
    public static final Map<String, Comparator<UnitScore>> SORTS = Map.of(
            "rank", Comparator.comparingInt(UnitScore::rank),
            "timeliness", Comparator.<UnitScore>comparingDouble(s -> share(s.reported(), s.cycles())).reversed()
                    .thenComparingInt(UnitScore::rank),
            "pace", Comparator.<UnitScore>comparingDouble(s -> share(s.onPace(), s.pairs())).reversed()
                    .thenComparingInt(UnitScore::rank),
            "overdue", Comparator.comparingInt(UnitScore::overdue).reversed().thenComparingInt(UnitScore::rank),
            "returned", Comparator.comparingInt(UnitScore::returned).reversed().thenComparingInt(UnitScore::rank));
    private static final Pattern WEEK = Pattern.compile("20[0-9]{2}-W[0-9]{2}");

    private final WeekSummaries weeks;

    public WeekRanking(WeekSummaries weeks) {
        this.weeks = weeks;
    }

    /**
     * @param lines   coordinators: every unit, in {@code sort}'s order; a unit: its own line only (empty if it has none)
     * @param ofUnits how many units are ranked (a unit is told "第3名，共8个单位")
     */
    public record Ranking(ReportWeek week, ReportWeek latest, String sort, boolean everyUnit, List<UnitScore> lines,
                          int ofUnits) {
        public Ranking {
            lines = List.copyOf(lines);
        }
    }

    public Ranking ranking(Plan plan, Principal who, @Nullable String week, @Nullable String sort) {
        ReportWeek latest = weeks.lastCompleteWeek();
        ReportWeek chosen = week(week, latest);
        String by = sort == null || sort.isBlank() ? "rank" : sort;
        if (!SORTS.containsKey(by)) {
            throw Refused.badFilter("unknown sort: " + (by.length() > 20 ? by.substring(0, 20) : by));
        }
        List<UnitScore> all = weeks.summaryOf(plan, chosen).standing().ranking();
        List<UnitScore> visible = who.coordinator() ? all.stream().sorted(SORTS.get(by)).toList()
                : all.stream().filter(s -> s.unitId().equals(who.unitId())).toList();
        return new Ranking(chosen, latest, by, who.coordinator(), visible, all.size());
    }

    /** The summary behind a week's 情况通报: coordinators only. */
    public WeeklySummary bulletinSummary(Plan plan, Principal who, @Nullable String week) {
        if (!who.coordinator()) {
            throw Refused.coordinatorOnly();
        }
        return weeks.summaryOf(plan, week(week, weeks.lastCompleteWeek()));
    }

    /** "2026-W48", a complete week not after {@code latest}; none given: {@code latest}. */
    private static ReportWeek week(@Nullable String week, ReportWeek latest) {
        if (week == null || week.isBlank()) {
            return latest;
        }
        if (!WEEK.matcher(week).matches()) {
            throw Refused.badFilter("week must look like 2026-W48");
        }
        try {
            ReportWeek parsed = ReportWeek.parse(week);
            if (parsed.compareTo(latest) > 0) {
                throw Refused.badFilter("week " + week + " is not over yet");
            }
            return parsed;
        } catch (DateTimeException e) { // parse errors, and week numbers past 52/53
            throw Refused.badFilter("no such week: " + week);
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }
}
