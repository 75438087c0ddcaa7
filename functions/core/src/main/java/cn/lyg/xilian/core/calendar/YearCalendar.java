package cn.lyg.xilian.core.calendar;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The working-day calendar of one year: the days that differ from "Saturday and Sunday off".
 *
 * <p>A notice may also fix the last days of the year before (元旦 of 2023 began on 31 December 2022), so the days
 * may reach back to 1 December of the previous year; {@link WorkCalendar} consults them for December dates.
 */
public final class YearCalendar {

    /** Where a year's calendar came from. */
    public enum Origin {
        /** The State Council's 放假调休 notice: loaded into the table, or the seed shipped in core. */
        NOTICE,
        /** Worked out from the 全国年节及纪念日放假办法 ({@link StatutoryHolidays}): no 调休 make-up working days. */
        RULES
    }

    private final int year;
    private final Origin origin;
    private final String source;
    private final List<CalendarDay> days;
    private final Map<LocalDate, CalendarDay> byDate = new HashMap<>();

    /**
     * @param source where it was read from: the notice's title, a file name, the rule
     * @throws IllegalArgumentException when a day is outside the year (see above) or a date is listed twice
     */
    public YearCalendar(int year, Origin origin, String source, List<CalendarDay> days) {
        this.year = year;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.source = source == null ? "" : source.strip();
        this.days = days.stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
        LocalDate first = firstDay(year);
        LocalDate last = LocalDate.of(year, 12, 31);
        for (CalendarDay day : this.days) {
            if (day.date().isBefore(first) || day.date().isAfter(last)) {
                throw new IllegalArgumentException(day.date() + " is outside the calendar of " + year);
            }
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException(day.date() + " is listed twice");
            }
        }
    }

    /** The earliest day a calendar of the year may hold: 1 December of the year before. */
    public static LocalDate firstDay(int year) {
        return LocalDate.of(year - 1, 12, 1);
    }

    public static YearCalendar empty(int year, Origin origin, String source) {
        return new YearCalendar(year, origin, source, List.of());
    }

    public int year() {
        return year;
    }

    public Origin origin() {
        return origin;
    }

    public String source() {
        return source;
    }

    public List<CalendarDay> days() {
        return days;
    }

    /** The kind of the given day, or null when the plain weekend rule applies. */
    @Nullable
    public DayKind kindOf(LocalDate date) {
        CalendarDay day = byDate.get(date);
        return day == null ? null : day.kind();
    }

    public List<CalendarDay> holidays() {
        return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList();
    }

    public List<CalendarDay> workdays() {
        return days.stream().filter(d -> d.kind() == DayKind.WORKDAY).toList();
    }

    /** The same days (dates, kinds and names), whatever the source: a reload of the same calendar changes nothing. */
    public boolean sameDays(YearCalendar other) {
        return other != null && year == other.year && days.equals(other.days);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YearCalendar other && year == other.year && origin == other.origin
                && source.equals(other.source) && days.equals(other.days);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, origin, source, days);
    }

    @Override
    public String toString() {
        return "YearCalendar[" + year + ", " + origin + ", " + holidays().size() + " holidays, " + workdays().size()
                + " make-up working days, " + source + "]";
    }
}
