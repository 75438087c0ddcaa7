package cn.lyg.xilian.core.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.lyg.xilian.core.PlanTime.ZONE;

/**
 * The recent trajectory of one (task, unit) pair: one point per report date (Asia/Shanghai; the day's latest
 * report counts), the latest {@link #WINDOW} dates, oldest first. Kept on the pair's state, so whatever reads
 * the state (the board, the alert scan) can project the pair's completion without reading its history; see
 * {@code cn.lyg.xilian.core.alert.Forecast} for the projection.
 */
public record ProgressTrail(List<Point> points) {

    /** How many of the latest report dates are kept (and fitted). */
    public static final int WINDOW = 6;

    public static final ProgressTrail EMPTY = new ProgressTrail(List.of());

    /** A report date and the percent reported that day. */
    public record Point(LocalDate date, int percent) {
    }

    public ProgressTrail {
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).date().isAfter(points.get(i - 1).date())) {
                throw new IllegalArgumentException("trail points must have increasing dates: " + points);
            }
        }
        if (points.size() > WINDOW) {
            points = points.subList(points.size() - WINDOW, points.size());
        }
    }

    /** The trail of these submissions of one pair, in any order. */
    public static ProgressTrail of(Collection<Submission> submissions) {
        return ofReports(submissions.stream().map(s -> new Report(s.submittedAt(), s.percent())).toList());
    }

    /** One stored report of the pair: when, and the percent it gave. */
    public record Report(Instant submittedAt, int percent) {
    }

    /** The trail of these reports of one pair, in any order: the day's latest report is the day's point. */
    public static ProgressTrail ofReports(Collection<Report> reports) {
        Map<LocalDate, Report> byDay = new TreeMap<>();
        for (Report r : reports) {
            byDay.merge(r.submittedAt().atZone(ZONE).toLocalDate(), r,
                    (a, b) -> b.submittedAt().isAfter(a.submittedAt()) ? b : a);
        }
        List<Point> points = new ArrayList<>();
        byDay.forEach((day, r) -> points.add(new Point(day, r.percent())));
        return new ProgressTrail(points.subList(Math.max(0, points.size() - WINDOW), points.size()));
    }
}
