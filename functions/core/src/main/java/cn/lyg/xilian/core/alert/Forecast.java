package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.ProgressTrail;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 预测预警: the completion date of one (task, unit) pair projected from its reported percents. The one home of
 * the method; the alert rules ({@link AlertEvaluator}) turn a late projection into a yellow light.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>Points: one per report date (Asia/Shanghai), the day's latest report; the last
 *       {@link ProgressTrail#WINDOW} dates (kept on the pair's state, {@link ProgressTrail}).</li>
 *   <li>At least {@link #MIN_POINTS} distinct dates, else {@link Kind#TOO_FEW} (no projection).</li>
 *   <li>The latest report 已完成 or at 100 %: {@link Kind#FINISHED}, not projected.</li>
 *   <li>Least-squares line of percent {@code y} over days {@code x}:
 *       {@code slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²}. A slope ≤ 0 (percent % per day): {@link Kind#NO_PROGRESS}, no
 *       date. Otherwise the line reaches 100 % on day {@code x̄ + (100 − ȳ) / slope}, rounded up, and never
 *       before the latest report's date: {@link Kind#PROJECTED}.</li>
 *   <li>The projection is late when that date is after the pair's deadline (the approved extension, if any).</li>
 * </ol>
 *
 * <h2>Worked examples</h2>
 * <ul>
 *   <li>Reports 09-01 10 %, 09-08 20 %, 09-15 30 %: slope 10/7 % a day, x̄ = 09-08 at ȳ = 20 %, so 100 % is
 *       56 days after 09-08: <b>11-03</b>. With a deadline of 10-31 that is 3 days late: "按当前进度预计11月3日完成，
 *       晚于时限3天".</li>
 *   <li>Reports 09-01 40 %, 09-08 40 %, 09-15 40 %: slope 0, {@link Kind#NO_PROGRESS}.</li>
 *   <li>Reports 09-01 10 %, 09-15 30 % (two dates): {@link Kind#TOO_FEW}.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * The line assumes work advances at a steady rate. Work that keeps slowing (fast start, slow finish) is projected too
 * early and back-loaded work (a contract signed in the last month) too late, so a late projection is a yellow
 * warning to look, never red. Three points make a noisy line: one corrected percent can swing the date by weeks.
 * A percent the unit guesses in round steps (0, 50, 100) carries little signal. Only the latest {@link ProgressTrail#WINDOW}
 * report dates count, so an old burst of work does not hide a recent stall.
 */
public record Forecast(Kind kind, @Nullable LocalDate projected, int points) {

    /** The fewest distinct report dates a projection needs. */
    public static final int MIN_POINTS = 3;

    public enum Kind { TOO_FEW, FINISHED, NO_PROGRESS, PROJECTED }

    public static final Forecast NONE = new Forecast(Kind.TOO_FEW, null, 0);

    /** The projection of a pair from its state's {@link ProgressTrail} (the latest {@link ProgressTrail#WINDOW} dates). */
    public static Forecast of(TaskUnitState state) {
        Submission latest = state.latest();
        if (latest == null) {
            return NONE;
        }
        if (latest.status() == ProgressStatus.DONE || latest.percent() >= 100) {
            return new Forecast(Kind.FINISHED, null, 0);
        }
        return fit(state.trail().points());
    }

    /** The least-squares projection over these points, oldest first, one per date. */
    public static Forecast fit(List<ProgressTrail.Point> points) {
        int n = points.size();
        if (n < MIN_POINTS) {
            return new Forecast(Kind.TOO_FEW, null, n);
        }
        LocalDate origin = points.get(0).date();
        double meanX = 0;
        double meanY = 0;
        for (ProgressTrail.Point p : points) {
            meanX += ChronoUnit.DAYS.between(origin, p.date());
            meanY += p.percent();
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (ProgressTrail.Point p : points) {
            double dx = ChronoUnit.DAYS.between(origin, p.date()) - meanX;
            sxy += dx * (p.percent() - meanY);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        if (!(slope > 0)) {
            return new Forecast(Kind.NO_PROGRESS, null, n);
        }
        // The small epsilon keeps an exact day exact (56.000000001 must not round up to 57).
        long day = (long) Math.ceil(meanX + (100 - meanY) / slope - 1e-9);
        LocalDate projected = origin.plusDays(day);
        LocalDate last = points.get(n - 1).date();
        return new Forecast(Kind.PROJECTED, projected.isBefore(last) ? last : projected, n);
    }

    /** Days after {@code deadline} the projection lands; 0 when on time or not projected. */
    public long daysLate(LocalDate deadline) {
        return kind == Kind.PROJECTED ? Math.max(0, ChronoUnit.DAYS.between(deadline, projected)) : 0;
    }

    /** "按当前进度预计11月3日完成，晚于时限3天" (only meaningful when {@link #daysLate} is positive). */
    public String lateReason(LocalDate deadline) {
        return "按当前进度预计" + AlertEvaluator.chineseDate(projected) + "完成，晚于时限" + daysLate(deadline) + "天";
    }
}
