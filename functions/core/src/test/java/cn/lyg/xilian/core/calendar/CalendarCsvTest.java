package cn.lyg.xilian.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarCsvTest {

    @Test
    void readsAndWritesTheSeedUnchanged() {
        String csv = CalendarTexts.read(CalendarTexts.SEED_2026);
        YearCalendar calendar = CalendarCsv.read(csv, "seed").calendar().orElseThrow();

        assertThat(calendar.year()).isEqualTo(2026);
        assertThat(calendar.kindOf(LocalDate.of(2026, 10, 10))).isEqualTo(DayKind.WORKDAY);
        assertThat(CalendarCsv.write(calendar)).isEqualTo(csv);
    }

    @Test
    void reportsEveryBadLineAndReadsNothing() {
        String csv = """
                date,kind,name
                2027-10-01,festival,国庆节
                2027-10-32,holiday,国庆节
                2027-10-02,holiday,国庆节
                2027-10-02,holiday,国庆节
                just one cell
                """;

        CalendarReading reading = CalendarCsv.read(csv, "bad.csv");

        assertThat(reading.calendar()).isEmpty();
        assertThat(reading.problems()).extracting(CalendarProblem::line).containsExactly(2, 3, 5, 6);
        assertThat(reading.problems().getFirst().message()).contains("holiday", "workday");
    }

    @Test
    void oneYearPerFile() {
        CalendarReading reading = CalendarCsv.read("2026-10-01,holiday,国庆节\n2027-10-01,holiday,国庆节\n", "two.csv");
        assertThat(reading.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("一年"));
        assertThat(CalendarCsv.read("# nothing\n", "empty.csv").problems()).isNotEmpty();
    }
}
