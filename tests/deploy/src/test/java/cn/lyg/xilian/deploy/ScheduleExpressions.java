package cn.lyg.xilian.deploy;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge (Scheduler) schedule expressions: {@code rate(value unit)}, {@code cron(6 fields)},
 * {@code at(yyyy-mm-ddThh:mm:ss)}, per the EventBridge Scheduler user guide ("Schedule types").
 * Returns the problem, or empty when valid. Checks field ranges and the rules AWS rejects at deploy time
 * (one of day-of-month/day-of-week must be '?', singular unit for 1), which cfn-lint does not.
 */
final class ScheduleExpressions {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern AT = Pattern.compile("at\\((.+)\\)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private ScheduleExpressions() {
    }

    static Optional<String> problem(String expression) {
        if (expression == null) {
            return Optional.of("missing");
        }
        Matcher m = RATE.matcher(expression);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            boolean singular = !m.group(2).endsWith("s");
            if (n < 1) {
                return Optional.of("rate must be positive");
            }
            return (n == 1) == singular ? Optional.empty() : Optional.of("use the singular unit exactly for 1");
        }
        m = AT.matcher(expression);
        if (m.matches()) {
            try {
                LocalDateTime.parse(m.group(1));
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("at(): " + e.getMessage());
            }
        }
        m = CRON.matcher(expression);
        if (!m.matches()) {
            return Optional.of("neither rate(), cron() nor at()");
        }
        String[] f = m.group(1).trim().split("\\s+");
        if (f.length != 6) {
            return Optional.of("cron needs 6 fields (minutes hours day-of-month month day-of-week year), got " + f.length);
        }
        if (f[2].equals("?") == f[4].equals("?")) {
            return Optional.of("exactly one of day-of-month and day-of-week must be '?'");
        }
        return firstProblem(
                field("minutes", f[0], 0, 59, List.of(), false),
                field("hours", f[1], 0, 23, List.of(), false),
                f[2].equals("?") ? Optional.empty() : dayOfMonth(f[2]),
                field("month", f[3], 1, 12, MONTHS, false),
                f[4].equals("?") ? Optional.empty() : dayOfWeek(f[4]),
                field("year", f[5], 1970, 2199, List.of(), false));
    }

    @SafeVarargs
    private static Optional<String> firstProblem(Optional<String>... problems) {
        for (Optional<String> p : problems) {
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> dayOfMonth(String v) {
        if (v.equals("L") || v.matches("\\d{1,2}W")) {
            return v.equals("L") ? Optional.empty() : field("day-of-month", v.substring(0, v.length() - 1), 1, 31, List.of(), false);
        }
        return field("day-of-month", v, 1, 31, List.of(), false);
    }

    private static Optional<String> dayOfWeek(String v) {
        Matcher nth = Pattern.compile("(\\w+)#([1-5])").matcher(v);
        if (nth.matches()) {
            return field("day-of-week", nth.group(1), 1, 7, DAYS, true);
        }
        if (v.endsWith("L") && v.length() > 1) {
            return field("day-of-week", v.substring(0, v.length() - 1), 1, 7, DAYS, true);
        }
        return field("day-of-week", v, 1, 7, DAYS, true);
    }

    /** Lists, ranges, steps, '*', numbers or names (names are 1-based: JAN=1, SUN=1). */
    private static Optional<String> field(String name, String value, int min, int max, List<String> names, boolean dow) {
        for (String part : value.split(",", -1)) {
            String[] step = part.split("/", -1);
            if (step.length > 2 || (step.length == 2 && !step[1].matches("\\d+"))) {
                return Optional.of(name + ": bad step in '" + part + "'");
            }
            if (step[0].equals("*")) {
                continue;
            }
            for (String bound : step[0].split("-", -1)) {
                int n;
                if (bound.matches("\\d+")) {
                    n = Integer.parseInt(bound);
                } else if (names.contains(bound)) {
                    n = names.indexOf(bound) + 1;
                } else {
                    return Optional.of(name + ": '" + bound + "' is not a value");
                }
                if (n < min || n > max) {
                    return Optional.of(name + ": " + n + " outside " + min + "-" + max);
                }
            }
        }
        return Optional.empty();
    }
}
