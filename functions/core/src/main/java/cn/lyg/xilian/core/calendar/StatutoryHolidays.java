package cn.lyg.xilian.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The holidays a year has by rule, for a year whose 放假调休 notice has not been loaded: what the
 * 全国年节及纪念日放假办法 (as amended in 2024, in force from 2025) fixes, and nothing else.
 * <ul>
 *   <li>元旦 1 January; 劳动节 1–2 May; 国庆节 1–3 October;</li>
 *   <li>清明节 on the day of the solar term: {@code floor(Y·0.2422 + 4.81) − floor(Y/4)} April, Y = year mod 100,
 *       exact for 2000–2099;</li>
 *   <li>春节 (除夕 to 初三), 端午节 (五月初五) and 中秋节 (八月十五) from {@link LunarCalendar}, 2000–2099;</li>
 *   <li>补假: the 办法 gives a holiday that falls on a Saturday or Sunday back on a working day. Its day is set by each
 *       year's notice; here it is the first weekday after the festival (where the notices almost always put it),
 *       so a guess errs towards quiet: an alert then waits a day rather than going out on a holiday.</li>
 * </ul>
 * The 调休 make-up working days (a Saturday or Sunday worked to lengthen a break) are never known by rule: only the
 * notice brings them, and until it is loaded those weekend days stay days off.
 */
public final class StatutoryHolidays {

    /** {@link YearCalendar#source()} of a calendar made by this class. */
    public static final String SOURCE = "全国年节及纪念日放假办法（按规则推算，未含调休）";

    /** The seven festivals of the 办法, which every notice arranges. */
    public static final List<String> FESTIVALS = List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

    private StatutoryHolidays() {
    }

    public static YearCalendar of(int year) {
        List<Festival> festivals = new ArrayList<>();
        festivals.add(new Festival("元旦", List.of(LocalDate.of(year, 1, 1))));
        LunarCalendar.springFestival(year).ifPresent(newYear ->
                festivals.add(new Festival("春节", List.of(newYear.minusDays(1), newYear, newYear.plusDays(1),
                        newYear.plusDays(2)))));
        qingming(year).ifPresent(d -> festivals.add(new Festival("清明节", List.of(d))));
        festivals.add(new Festival("劳动节", List.of(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 2))));
        LunarCalendar.date(year, 5, 5).ifPresent(d -> festivals.add(new Festival("端午节", List.of(d))));
        LunarCalendar.date(year, 8, 15).ifPresent(d -> festivals.add(new Festival("中秋节", List.of(d))));
        festivals.add(new Festival("国庆节", List.of(LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 2),
                LocalDate.of(year, 10, 3))));
        festivals.sort(Comparator.comparing(f -> f.days().getFirst()));

        TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
        for (Festival festival : festivals) {
            int owed = 0;
            for (LocalDate day : festival.days()) {
                if (days.containsKey(day) || isWeekend(day)) {
                    owed++; // on a weekend, or the same day as another festival (中秋 on 1 October)
                }
                days.putIfAbsent(day, new CalendarDay(day, DayKind.HOLIDAY, festival.name()));
            }
            LocalDate next = festival.days().getLast().plusDays(1);
            while (owed > 0) {
                if (!isWeekend(next) && !days.containsKey(next)) {
                    days.put(next, new CalendarDay(next, DayKind.HOLIDAY, festival.name() + "补假"));
                    owed--;
                }
                next = next.plusDays(1);
            }
        }
        return new YearCalendar(year, YearCalendar.Origin.RULES, SOURCE, new ArrayList<>(days.values()));
    }

    /** The day of 清明 (the solar term) in April, for 2000–2099. */
    public static Optional<LocalDate> qingming(int year) {
        if (year < 2000 || year > 2099) {
            return Optional.empty();
        }
        int y = year % 100;
        return Optional.of(LocalDate.of(year, Month.APRIL, (int) Math.floor(y * 0.2422 + 4.81) - y / 4));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private record Festival(String name, List<LocalDate> days) {
    }
}
