package cn.lyg.xilian.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day that differs from the plain weekend rule.
 *
 * @param name what the notice calls it: "国庆节", "春节调休上班"
 */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name.strip();
    }
}
