package cn.lyg.xilian.core.catalog;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The plan years loaded in one deployment and the one rule of their states. A year Y is {@link YearState#ACTIVE}
 * while today (Asia/Shanghai) is in Y or earlier (a next year's plan loaded in December is already active); it is
 * {@link YearState#CLOSING} from 1 January of Y+1 up to and including {@code closeOutUntil} of Y+1 (default 31
 * January); after that {@link YearState#ARCHIVED}.
 *
 * <p>The current year, which pages and the API show when the URL names none: today's own year when it is loaded (a
 * 2027 plan loaded in December 2026 does not hide December's work), else the newest active year, else the newest
 * loaded year.
 *
 * @param years         the loaded years, ascending
 * @param closeOutUntil the last day (in the following year) of a year's close-out
 */
public record PlanYears(List<Integer> years, MonthDay closeOutUntil) {

    /** The default end of the close-out window: 31 January of the following year. */
    public static final MonthDay DEFAULT_CLOSE_OUT_UNTIL = MonthDay.of(1, 31);

    /** A year as it may appear in a URL: exactly four digits. */
    public static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    public PlanYears {
        years = List.copyOf(new TreeSet<>(years));
    }

    /** The message of a write refused because its year is archived (HTTP 409). */
    public static String archivedMessage(int year) {
        return year + "年计划已归档，不能再填报";
    }

    /** A year from a URL: empty unless exactly four digits (the value then still has to be a loaded year). */
    public static OptionalInt parse(String text) {
        if (text == null || !YEAR.matcher(text).matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    public static YearState state(int year, LocalDate today, MonthDay closeOutUntil) {
        if (today.getYear() <= year) {
            return YearState.ACTIVE;
        }
        if (today.getYear() == year + 1 && !MonthDay.from(today).isAfter(closeOutUntil)) {
            return YearState.CLOSING;
        }
        return YearState.ARCHIVED;
    }

    public YearState state(int year, LocalDate today) {
        return state(year, today, closeOutUntil);
    }

    public boolean loaded(int year) {
        return years.contains(year);
    }

    /** The loaded years that are {@link YearState#ACTIVE} or {@link YearState#CLOSING} today, ascending. */
    public List<Integer> open(LocalDate today) {
        return years.stream().filter(y -> state(y, today).open()).toList();
    }

    /** The year shown when the URL names none; empty only when no plan is loaded. */
    public Optional<Integer> current(LocalDate today) {
        if (years.contains(today.getYear())) {
            return Optional.of(today.getYear());
        }
        Optional<Integer> active = years.stream().filter(y -> state(y, today) == YearState.ACTIVE)
                .reduce((a, b) -> b);
        return active.isPresent() ? active : years.stream().reduce((a, b) -> b);
    }

    /** The newest open year (credentials issued today expire with it); empty when every year is archived. */
    public Optional<Integer> newestOpen(LocalDate today) {
        List<Integer> open = open(today);
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
    }
}
