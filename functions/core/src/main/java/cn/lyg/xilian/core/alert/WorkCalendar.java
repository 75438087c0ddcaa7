package cn.lyg.xilian.core.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Working days of mainland China. The calendar is data, not code: one CSV per year,
 * {@code calendars/cn-<year>.csv} on the classpath, with the header {@code date,kind,name} where
 * kind is {@code holiday} (a day off, whatever weekday) or {@code workday} (a weekend day that is a
 * working day, 调休上班).
 *
 * <p>A year without a file falls back to plain weekends: Saturday and Sunday off, every other day a
 * working day. That keeps alerts going in a new year before its State Council notice has been added,
 * at the price of possibly sending on a holiday.
 */
public final class WorkCalendar {

    private static final String RESOURCE_PATTERN = "calendars/cn-%d.csv";

    /** Days that differ from the plain weekend rule, per year; a year is loaded on first use. */
    private final Map<Integer, Map<LocalDate, Boolean>> exceptionsByYear = new ConcurrentHashMap<>();
    private final IntFunction<Map<LocalDate, Boolean>> yearLoader;

    private WorkCalendar(IntFunction<Map<LocalDate, Boolean>> yearLoader) {
        this.yearLoader = yearLoader;
    }

    /** Reads {@code calendars/cn-<year>.csv} from the class path of this class. */
    public static WorkCalendar fromClasspath() {
        ClassLoader loader = WorkCalendar.class.getClassLoader();
        return new WorkCalendar(year -> {
            try (InputStream in = loader.getResourceAsStream(RESOURCE_PATTERN.formatted(year))) {
                return in == null ? Map.of() : parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Saturdays and Sundays off, nothing else: for tests and for countries without a calendar. */
    public static WorkCalendar weekendsOnly() {
        return new WorkCalendar(year -> Map.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean exception = exceptionsByYear.computeIfAbsent(date.getYear(), yearLoader::apply).get(date);
        if (exception != null) {
            return exception;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The given day if it is a working day, else the first working day after it. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The first working day strictly after the given day. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return workingDayOnOrAfter(date.plusDays(1));
    }

    /** date → true for a make-up working day, false for a holiday. */
    static Map<LocalDate, Boolean> parse(InputStream csv) throws IOException {
        Map<LocalDate, Boolean> days = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || (lineNo == 1 && trimmed.startsWith("date,"))) {
                continue;
            }
            String[] cells = trimmed.split(",", 3);
            if (cells.length < 2) {
                throw new IllegalArgumentException("calendar line " + lineNo + " is not date,kind,name: " + line);
            }
            LocalDate date = LocalDate.parse(cells[0].strip());
            switch (cells[1].strip()) {
                case "holiday" -> days.put(date, false);
                case "workday" -> days.put(date, true);
                default -> throw new IllegalArgumentException("calendar line " + lineNo + ": unknown kind " + cells[1]);
            }
        }
        return Map.copyOf(days);
    }
}
