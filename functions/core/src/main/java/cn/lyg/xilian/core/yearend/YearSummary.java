package cn.lyg.xilian.core.yearend;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 年度总结: the final picture of a plan year as of a date, built by {@link YearSummaryBuilder}.
 *
 * @param pairs    one line per (task, unit), in plan order
 * @param units    per unit, ranked ({@link UnitRanking}): first is best
 * @param problems the year's 存在问题, by unit in ranking order: the latest non-empty 存在问题 of each pair
 */
public record YearSummary(int planYear, String planTitle, LocalDate asOf, List<PairLine> pairs, List<UnitLine> units,
                          List<UnitProblems> problems) {

    public YearSummary {
        pairs = List.copyOf(pairs);
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }

    /** The year in figures (总体情况), counted from {@link #pairs}. */
    public Totals totals() {
        int tasks = (int) pairs.stream().map(PairLine::taskId).distinct().count();
        int targets = pairs.stream().mapToInt(p -> p.targets().size()).sum();
        int achieved = (int) pairs.stream().flatMap(p -> p.targets().stream()).filter(TargetLine::achieved).count();
        return new Totals(tasks, units.size(), pairs.size(), count(Timeliness.ON_TIME) + count(Timeliness.LATE),
                count(Timeliness.ON_TIME),
                (int) pairs.stream().filter(p -> p.timeliness() == Timeliness.ON_TIME && p.extended()).count(),
                count(Timeliness.LATE), count(Timeliness.OVERDUE), count(Timeliness.OPEN),
                (int) pairs.stream().filter(PairLine::extended).count(), targets, achieved,
                pairs.stream().mapToInt(PairLine::reports).sum(), (int) pairs.stream().filter(p -> p.reports() == 0).count());
    }

    private int count(Timeliness t) {
        return (int) pairs.stream().filter(p -> p.timeliness() == t).count();
    }

    /**
     * 总体情况: counts of pairs (a task and one of its units) unless said otherwise.
     *
     * @param tasks            tasks of the plan with at least one unit
     * @param done             completed, on time or late ({@code onTime + late})
     * @param onTimeExtended   of {@code onTime}, those on time by an approved extension
     * @param extended         pairs with an approved extension
     * @param targets          quantified targets of all pairs; {@code targetsAchieved} of them met
     * @param reports          progress reports filed in the year
     * @param neverReported    pairs without any report
     */
    public record Totals(int tasks, int units, int pairs, int done, int onTime, int onTimeExtended, int late,
                         int overdue, int open, int extended, int targets, int targetsAchieved, int reports,
                         int neverReported) {
    }

    /** "2026年度总结-2027-01-15" */
    public String fileBaseName() {
        return planYear + "年度总结-" + asOf;
    }

    /** How a pair ended (or stands) against its deadline, the approved extension included. */
    public enum Timeliness {
        ON_TIME("按期完成"),
        LATE("逾期完成"),
        OVERDUE("逾期未完成"),
        OPEN("未到期");

        private final String label;

        Timeliness(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One target of a pair: the reported figure against the minimum; figure null when never reported. */
    public record TargetLine(String metric, String measure, BigDecimal minimum, @Nullable BigDecimal reported) {
        public boolean achieved() {
            return reported != null && reported.compareTo(minimum) >= 0;
        }

        /** "签约项目 8/10个 未达标" */
        public String text() {
            return metric + " " + (reported == null ? "—" : reported.stripTrailingZeros().toPlainString()) + "/"
                    + minimum.stripTrailingZeros().toPlainString() + measure + (achieved() ? " 达标" : " 未达标");
        }
    }

    /**
     * @param status     the latest report's status label, or "未填报"
     * @param deadline   the effective deadline (the approved extension, if any)
     * @param extended   whether {@code deadline} is an approved extension
     * @param finishedOn the date the pair reached 已完成 (the first of its final run of 100 % reports), or null
     * @param review     the review of the latest report: "通过", "退回" or "未审核" ("—" when never reported)
     */
    public record PairLine(String taskId, String taskTitle, String unitId, String unitName, String status,
                           int percent, List<TargetLine> targets, LocalDate deadline, boolean extended,
                           @Nullable LocalDate finishedOn, Timeliness timeliness, int reports, String review) {
        public PairLine {
            targets = List.copyOf(targets);
        }

        public boolean targetsAchieved() {
            return targets.stream().allMatch(TargetLine::achieved);
        }

        /** "签约项目 8/10个 未达标；…", or "无量化指标". */
        public String targetsText() {
            return targets.isEmpty() ? "无量化指标"
                    : String.join("；", targets.stream().map(TargetLine::text).toList());
        }
    }

    /**
     * One unit's totals and its place.
     *
     * @param rank 1 for the best; see {@link UnitRanking}
     */
    public record UnitLine(int rank, String unitId, String unitName, int pairs, int done, int onTime, int late,
                           int overdue, int targetsAchieved, int targets) {
        /** Share of its pairs completed by the (extended) deadline, in percent, one decimal. */
        public BigDecimal onTimeShare() {
            return share(onTime);
        }

        public BigDecimal doneShare() {
            return share(done);
        }

        private BigDecimal share(int count) {
            return pairs == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(count * 1000L / pairs, 1).setScale(1, java.math.RoundingMode.UNNECESSARY);
        }
    }

    /** A unit's problems: task id → the text. */
    public record UnitProblems(String unitId, String unitName, List<Problem> items) {
        public UnitProblems {
            items = List.copyOf(items);
        }
    }

    public record Problem(String taskId, String taskTitle, LocalDate reportedOn, String text) {
    }
}
