package cn.lyg.xilian.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkCalendarTest {

    private final WorkCalendar calendar = WorkCalendar.fromClasspath();

    @Test
    void nationalDayIsOffAndItsMakeUpDaysAreWorkingDays() {
        for (int day = 1; day <= 7; day++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, day))).as("10-%d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday make-up day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday make-up day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("plain Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 9))).as("plain Friday").isTrue();
    }

    @Test
    void nextWorkingDaySkipsHolidaysAndWeekends() {
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.workingDayOnOrAfter(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.workingDayOnOrAfter(LocalDate.of(2026, 9, 19))).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 10, 9))).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.workingDayOnOrAfter(LocalDate.of(2026, 2, 15))).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    /**
     * Changed with issue 20: a year without a calendar used to have plain weekends (元旦 2027 was a working Friday);
     * it now has its statutory holidays, and still no 调休 make-up working days.
     */
    @Test
    void aYearWithoutACalendarHasItsStatutoryHolidaysButNoMakeUpDays() {
        assertThat(calendar.year(2027).origin()).isEqualTo(YearCalendar.Origin.RULES);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("元旦, a Friday").isFalse();
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).as("国庆节, a Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 4))).as("补假 for 2 October, a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 6))).as("no notice, no longer break").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 26))).as("调休 cannot be known by rule").isFalse();
        assertThat(WorkCalendar.weekendsOnly().isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    }

    @Test
    void aNoticeMayFixTheLastDaysOfTheYearBefore() {
        // 《2023年部分节假日安排的通知》: 元旦 2022年12月31日至2023年1月2日. 12-31 was a Saturday; a made-up Friday shows
        // that the next year's calendar is consulted for December.
        YearCalendar y2023 = new YearCalendar(2023, YearCalendar.Origin.NOTICE, "test", List.of(
                new CalendarDay(LocalDate.of(2022, 12, 30), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2023, 1, 2), DayKind.HOLIDAY, "元旦")));
        WorkCalendar withSpill = new WorkCalendar(year -> year == 2023 ? y2023
                : YearCalendar.empty(year, YearCalendar.Origin.RULES, "none"));

        assertThat(withSpill.isWorkingDay(LocalDate.of(2022, 12, 30))).isFalse();
        assertThat(withSpill.isWorkingDay(LocalDate.of(2022, 12, 29))).isTrue();
        assertThat(withSpill.nextWorkingDay(LocalDate.of(2022, 12, 29))).isEqualTo(LocalDate.of(2023, 1, 3));
    }

    @Test
    void theSeedIsThe2026Notice() {
        YearCalendar seed = WorkCalendar.seed(2026).orElseThrow();
        assertThat(seed.origin()).isEqualTo(YearCalendar.Origin.NOTICE);
        assertThat(seed.holidays()).hasSize(33);
        assertThat(seed.workdays()).hasSize(6);
        assertThat(WorkCalendar.seed(2027)).isEmpty();
    }
}
