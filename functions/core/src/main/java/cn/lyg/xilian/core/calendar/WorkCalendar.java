package cn.lyg.xilian.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Working days of mainland China: Saturday and Sunday off, except the days of the year's {@link YearCalendar}
 * (holidays off whatever the weekday, 调休 weekend days worked).
 *
 * <p>A year's calendar is asked for once, on first use, and kept for the life of this object. Where calendars are
 * data that can change (loaded into the table), make a new WorkCalendar per invocation:
 * {@link CalendarSource#current()} does that.
 */
public final class WorkCalendar {

    private static final String SEED_PATTERN = "calendars/cn-%d.csv";

    private final Map<Integer, YearCalendar> years = new ConcurrentHashMap<>();
    private final IntFunction<YearCalendar> yearLoader;

    public WorkCalendar(IntFunction<YearCalendar> yearLoader) {
        this.yearLoader = yearLoader;
    }

    /** The seeds shipped in core ({@link #seed}), and the statutory holidays for any other year. */
    public static WorkCalendar fromClasspath() {
        return new WorkCalendar(year -> seed(year).orElseGet(() -> StatutoryHolidays.of(year)));
    }

    /** Saturdays and Sundays off, nothing else: for tests. */
    public static WorkCalendar weekendsOnly() {
        return new WorkCalendar(year -> YearCalendar.empty(year, YearCalendar.Origin.RULES, "weekends only"));
    }

    /**
     * The official calendar shipped with the code for a year, {@code calendars/cn-<year>.csv} on core's class path:
     * the 2026 notice, which seeds a table that has no 2026 item. Later years are loaded into the table.
     */
    public static Optional<YearCalendar> seed(int year) {
        String resource = SEED_PATTERN.formatted(year);
        try (InputStream in = WorkCalendar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            CalendarReading reading = CalendarCsv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + resource);
            return Optional.of(reading.calendar().orElseThrow(() ->
                    new IllegalStateException(resource + ": " + reading.problems())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calendar this object uses for the year (loaded on first use). */
    public YearCalendar year(int year) {
        return years.computeIfAbsent(year, yearLoader::apply);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = year(date.getYear()).kindOf(date);
        if (kind == null && date.getMonth() == Month.DECEMBER) {
            // the next year's notice may fix the last days of this one (元旦 starting on 31 December)
            kind = year(date.getYear() + 1).kindOf(date);
        }
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The given day if it is a working day, else the first working day after it. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The first working day strictly after the given day. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return workingDayOnOrAfter(date.plusDays(1));
    }
}
