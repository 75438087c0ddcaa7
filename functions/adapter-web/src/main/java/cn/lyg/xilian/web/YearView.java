package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.PlanYears;
import cn.lyg.xilian.core.catalog.YearState;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The plan year a page shows among the years the deployment holds: the year switcher of the header (plain links,
 * shown only when there is more than one year) and the {@code ?year=} that links and forms of a page carry so they
 * stay in its year (nothing when it is the current year, so one-year URLs stay as they were).
 */
public record YearView(int shown, int current, List<Option> options) {

    /** One year of the switcher: "2026年（收尾）". */
    public record Option(int year, String label, boolean shown) {
        public String href() {
            return "?year=" + year;
        }
    }

    public YearView {
        options = List.copyOf(options);
    }

    public static YearView of(int shown, PlanYears years, LocalDate today) {
        return of(shown, years, today, y -> true);
    }

    /**
     * The switcher of the years {@code visible} accepts (and the year shown): a coordinator sees every loaded year; a
     * unit only the years whose catalog gives it tasks, since its access follows each year's catalog.
     */
    public static YearView of(int shown, PlanYears years, LocalDate today, IntPredicate visible) {
        int current = years.current(today).orElse(shown);
        List<Option> options = years.years().stream().filter(y -> y == shown || visible.test(y))
                .map(y -> new Option(y, y + "年（" + years.state(y, today).label() + "）", y == shown)).toList();
        return new YearView(shown, current, options);
    }

    /** Only the year shown (public pages, tests). */
    public static YearView only(int year) {
        return new YearView(year, year, List.of(new Option(year, year + "年", true)));
    }

    public boolean switcher() {
        return options.size() > 1;
    }

    /** "?year=2026" on a page of a year that is not the current one; "" otherwise. */
    public String query() {
        return shown == current ? "" : "?year=" + shown;
    }

    /** The same as a further query parameter ("&year=2026"), for links that have a query already. */
    public String andYear() {
        return shown == current ? "" : "&year=" + shown;
    }

    /** The year's state, for a page that needs it (an archived year's forms are not offered). */
    public static YearState state(PlanYears years, int year, LocalDate today) {
        return years.state(year, today);
    }
}
