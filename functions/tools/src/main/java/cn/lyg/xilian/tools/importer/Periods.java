package cn.lyg.xilian.tools.importer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese period expressions of a plan year, read as "by the last day of the period".
 *
 * <table>
 *   <caption>Expressions and the date they mean</caption>
 *   <tr><td>N月底前, N月底, N月前, N月</td><td>last day of month N</td></tr>
 *   <tr><td>N月M日前, N月M日</td><td>that day</td></tr>
 *   <tr><td>年底前, 年底, 年末, 年内</td><td>31 December</td></tr>
 *   <tr><td>上半年</td><td>30 June</td></tr>
 *   <tr><td>下半年</td><td>31 December (the last day of the half-year)</td></tr>
 * </table>
 *
 * <p>Text is expected to be {@link NoticeText normalised} (no whitespace).
 */
final class Periods {

    /** A period expression anywhere in a task's text; group names: month, day, half, year. */
    static final Pattern IN_TEXT = Pattern.compile(
            "(?<!\\d)(?<month>\\d{1,2})月(?:(?<day>\\d{1,2})日|底)?前?"
                    + "|(?<half>[上下])半年"
                    + "|(?<year>年底|年末|年内)前?");

    private static final Pattern DEADLINE = Pattern.compile(
            "(?<month>\\d{1,2})月(?:(?<day>\\d{1,2})日|底)?前?|(?<year>年底|年末)前?");

    private Periods() {
    }

    /** A 完成时间 such as "7月底前" or "12月底"; empty when it is not one of the known forms. */
    static Optional<LocalDate> deadline(String text, int year) {
        Matcher m = DEADLINE.matcher(text);
        return m.matches() ? Optional.ofNullable(dateOf(m, year)) : Optional.empty();
    }

    /** The date a match of {@link #IN_TEXT} (or the deadline pattern) stands for; null for an impossible date. */
    static LocalDate dateOf(Matcher m, int year) {
        if (group(m, "year") != null) {
            return LocalDate.of(year, 12, 31);
        }
        if (group(m, "half") != null) {
            return group(m, "half").equals("上") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        }
        int month = Integer.parseInt(m.group("month"));
        if (month < 1 || month > 12) {
            return null;
        }
        String day = m.group("day");
        if (day == null) {
            return YearMonth.of(year, month).atEndOfMonth();
        }
        int d = Integer.parseInt(day);
        return d >= 1 && d <= YearMonth.of(year, month).lengthOfMonth() ? LocalDate.of(year, month, d) : null;
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
