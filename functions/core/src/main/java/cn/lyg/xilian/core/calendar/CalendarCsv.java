package cn.lyg.xilian.core.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar file of one year: the header {@code date,kind,name}, then one line per day that differs from the
 * plain weekend rule ({@code 2026-10-01,holiday,国庆节} or {@code 2026-10-10,workday,国庆节调休上班}); blank lines and
 * lines starting with {@code #} are skipped. The year is that of the latest date; the days may reach back to
 * December of the year before ({@link YearCalendar}).
 */
public final class CalendarCsv {

    public static final String HEADER = "date,kind,name";

    private CalendarCsv() {
    }

    public static CalendarReading read(String text, String source) {
        List<CalendarProblem> problems = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#") || (days.isEmpty() && line.equals(HEADER))) {
                continue;
            }
            String[] cells = line.split(",", 3);
            if (cells.length < 2) {
                problems.add(new CalendarProblem(lineNo, line, "应为“日期,类别,名称”三栏，如 2027-10-01,holiday,国庆节"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[0].strip());
            } catch (DateTimeParseException e) {
                problems.add(new CalendarProblem(lineNo, cells[0].strip(), "日期应写成 YYYY-MM-DD"));
                continue;
            }
            Optional<DayKind> kind = DayKind.ofWord(cells[1].strip());
            if (kind.isEmpty()) {
                problems.add(new CalendarProblem(lineNo, cells[1].strip(), "类别只能是 holiday（放假）或 workday（调休上班）"));
                continue;
            }
            if (!seen.add(date)) {
                problems.add(new CalendarProblem(lineNo, line, "这一天前面已经列过"));
                continue;
            }
            days.add(new CalendarDay(date, kind.get(), cells.length > 2 ? cells[2] : ""));
        }
        if (days.isEmpty() && problems.isEmpty()) {
            problems.add(new CalendarProblem(0, "", "文件里没有任何日期"));
        }
        if (!problems.isEmpty()) {
            return CalendarReading.failed(problems);
        }
        int year = days.stream().map(CalendarDay::date).max(LocalDate::compareTo).orElseThrow().getYear();
        for (CalendarDay day : days) {
            if (day.date().isBefore(YearCalendar.firstDay(year))) {
                problems.add(new CalendarProblem(0, day.date().toString(),
                        "一个文件只放一年的安排（" + year + "年，可含上一年12月的元旦调休）"));
            }
        }
        return problems.isEmpty()
                ? CalendarReading.of(new YearCalendar(year, YearCalendar.Origin.NOTICE, source, days))
                : CalendarReading.failed(problems);
    }

    public static String write(YearCalendar calendar) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (CalendarDay day : calendar.days()) {
            out.append(day.date()).append(',').append(day.kind().word()).append(',').append(day.name()).append('\n');
        }
        return out.toString();
    }
}
