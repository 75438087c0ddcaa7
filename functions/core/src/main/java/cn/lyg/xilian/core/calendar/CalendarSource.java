package cn.lyg.xilian.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where working-day calendars come from. Each call to {@link #current()} gives a calendar that reads the years it
 * needs afresh (once each): take one per invocation — a scan, a summary, a request — so a calendar loaded a minute
 * earlier is used by the next invocation of a warm function, without a redeploy.
 */
public interface CalendarSource {

    WorkCalendar current();

    /** The year whose official calendar is missing and should be loaded, as of {@code today}; see {@link HolidayCalendars}. */
    default Optional<MissingCalendar> missing(LocalDate today) {
        return Optional.empty();
    }

    /** Always the same calendar (tests, benchmarks): never missing anything. */
    static CalendarSource fixed(WorkCalendar calendar) {
        return () -> calendar;
    }
}
