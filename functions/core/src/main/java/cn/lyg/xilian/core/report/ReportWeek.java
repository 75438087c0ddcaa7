package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.PlanTime;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO week (Monday to Sunday) in Asia/Shanghai, the period a weekly summary covers.
 * Its id, e.g. "2026-W47", uses the ISO week-based year, so 2026-12-28 … 2027-01-03 is "2026-W53".
 */
public record ReportWeek(LocalDate monday) implements Comparable<ReportWeek> {

    private static final Pattern ID = Pattern.compile("(\\d{4})-W(\\d{2})");

    public ReportWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a report week starts on a Monday: " + monday);
        }
    }

    /** The week containing the date. */
    public static ReportWeek containing(LocalDate date) {
        return new ReportWeek(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /**
     * The last complete week before the date: for any day of week N this is week N−1, so the Monday
     * send and any later retry in the same week address the same week.
     */
    public static ReportWeek previousOf(LocalDate date) {
        return containing(date).previous();
    }

    /** Parses "2026-W47". */
    public static ReportWeek parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id.strip());
        if (!m.matches()) {
            throw new DateTimeParseException("not an ISO week id like 2026-W47", String.valueOf(id), 0);
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate anyDay = LocalDate.of(year, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
        ReportWeek parsed = containing(anyDay);
        if (!parsed.id().equals(m.group())) {
            throw new DateTimeParseException("no such ISO week", id, 0);
        }
        return parsed;
    }

    public ReportWeek previous() {
        return new ReportWeek(monday.minusWeeks(1));
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public int weekBasedYear() {
        return monday.get(IsoFields.WEEK_BASED_YEAR);
    }

    public int weekNumber() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** "2026-W47", the key used in storage. */
    public String id() {
        return String.format("%d-W%02d", weekBasedYear(), weekNumber());
    }

    /** Monday 00:00 Asia/Shanghai, inclusive. */
    public Instant start() {
        return monday.atStartOfDay(PlanTime.ZONE).toInstant();
    }

    /** The next Monday 00:00 Asia/Shanghai, exclusive. */
    public Instant end() {
        return monday.plusWeeks(1).atStartOfDay(PlanTime.ZONE).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** "2026年第47周" */
    public String chineseTitle() {
        return weekBasedYear() + "年第" + weekNumber() + "周";
    }

    /** "11月16日—11月22日" */
    public String chineseRange() {
        return ReportText.chineseDate(monday) + "—" + ReportText.chineseDate(sunday());
    }

    @Override
    public int compareTo(ReportWeek other) {
        return monday.compareTo(other.monday);
    }

    @Override
    public String toString() {
        return id();
    }
}
