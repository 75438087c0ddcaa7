package cn.lyg.xilian.core.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The calendars the functions use. For each year, the first of:
 * <ol>
 *   <li>the calendar loaded into the table from the year's notice ({@link CalendarRepository}, infra/bin/load-calendar);</li>
 *   <li>the seed shipped in core ({@code calendars/cn-2026.csv}, {@link WorkCalendar#seed});</li>
 *   <li>the statutory holidays by rule ({@link StatutoryHolidays}): no 调休 make-up working days.</li>
 * </ol>
 * The first two are official; a year with neither is {@linkplain #missing missing}.
 */
public final class HolidayCalendars implements CalendarSource {

    /** From this day on, the next year's missing calendar is warned about (notices come in November or December). */
    public static final MonthDay WARN_FROM = MonthDay.of(11, 15);

    private final CalendarRepository stored;
    private final IntFunction<Optional<YearCalendar>> seeds;

    public HolidayCalendars(CalendarRepository stored) {
        this(stored, WorkCalendar::seed);
    }

    public HolidayCalendars(CalendarRepository stored, IntFunction<Optional<YearCalendar>> seeds) {
        this.stored = stored;
        this.seeds = seeds;
    }

    @Override
    public WorkCalendar current() {
        return new WorkCalendar(year -> official(year).orElseGet(() -> StatutoryHolidays.of(year)));
    }

    /** The official calendar of the year: loaded, else seeded. */
    public Optional<YearCalendar> official(int year) {
        return stored.find(year).or(() -> seeds.apply(year));
    }

    /**
     * The current year if it has no official calendar; else, from {@link #WARN_FROM}, the next year if it has none.
     */
    @Override
    public Optional<MissingCalendar> missing(LocalDate today) {
        int year = today.getYear();
        if (official(year).isEmpty()) {
            return Optional.of(new MissingCalendar(year, true));
        }
        if (!MonthDay.from(today).isBefore(WARN_FROM) && official(year + 1).isEmpty()) {
            return Optional.of(new MissingCalendar(year + 1, false));
        }
        return Optional.empty();
    }
}
