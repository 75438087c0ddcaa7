package cn.lyg.xilian.core.calendar;

import java.util.List;
import java.util.Optional;

/** The outcome of reading a notice or a calendar file: a calendar only when there was no problem at all. */
public record CalendarReading(Optional<YearCalendar> calendar, List<CalendarProblem> problems) {

    public CalendarReading {
        problems = List.copyOf(problems);
        if (!problems.isEmpty()) {
            calendar = Optional.empty(); // a half-read notice is never loaded
        }
    }

    static CalendarReading of(YearCalendar calendar) {
        return new CalendarReading(Optional.of(calendar), List.of());
    }

    static CalendarReading failed(List<CalendarProblem> problems) {
        return new CalendarReading(Optional.empty(), problems);
    }

    public boolean isClean() {
        return problems.isEmpty() && calendar.isPresent();
    }
}
