package cn.lyg.xilian.core.calendar;

/**
 * A year without its official calendar (the State Council's 放假调休 notice, not loaded yet).
 *
 * @param year       the year whose notice is missing
 * @param yearBegun  true when that year has already begun: its working days are then being guessed by rule
 */
public record MissingCalendar(int year, boolean yearBegun) {
}
