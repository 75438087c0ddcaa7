package cn.lyg.xilian.core.report;

/**
 * One unit's line in the weekly ranking ({@link WeeklyRanking}), as of the week's Sunday.
 *
 * @param rank       1 for the best; total (ties broken, see {@link WeeklyRanking})
 * @param cycles     reporting cycles of the week: the unit's pairs that had to report (open, or completed this week)
 * @param reported   of those, the ones with a report accepted in the week
 * @param pairs      all the unit's pairs
 * @param onPace     pairs on pace (按期进度): green by the alert rules, neither 黄 nor 红
 * @param overdue    open pairs whose effective deadline is on or before the Sunday
 * @param returned   pairs whose latest report was sent back (退回) and not yet replaced
 * @param scoreTenths the score in tenths of a point (0 … 1000), so it compares exactly
 */
public record UnitScore(int rank, String unitId, String unitName, int cycles, int reported, int pairs, int onPace,
                        int overdue, int returned, int scoreTenths) {

    /** "87.5" */
    public String score() {
        return scoreTenths / 10 + "." + scoreTenths % 10;
    }

    /** Reporting timeliness as a whole percent, e.g. "75%" (display only; the score uses exact shares). */
    public String timelinessPercent() {
        return percent(reported, cycles);
    }

    public String onPacePercent() {
        return percent(onPace, pairs);
    }

    private static String percent(int part, int whole) {
        return (whole == 0 ? 100 : Math.round(100f * part / whole)) + "%";
    }
}
