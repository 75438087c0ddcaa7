package cn.lyg.xilian.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StatutoryHolidaysTest {

    @Test
    void everyYearHasTheThirteenStatutoryDaysAndNoMakeUpWorkday() {
        for (int year = 2000; year <= 2099; year++) {
            YearCalendar rules = StatutoryHolidays.of(year);
            long statutory = rules.holidays().stream().filter(d -> !d.name().endsWith("补假")).count();
            // 13 days, one fewer when 中秋 falls on 1–3 October (that day is then owed as 补假)
            assertThat(statutory).as("%d", year).isBetween(12L, 13L);
            assertThat(rules.holidays()).extracting(CalendarDay::name).as("%d", year)
                    .containsAll(StatutoryHolidays.FESTIVALS.stream().filter(f -> statutory == 13 || !f.equals("中秋节"))
                            .toList());
            assertThat(rules.workdays()).as("%d", year).isEmpty();
            assertThat(rules.holidays()).as("补假 only on weekdays, %d", year)
                    .filteredOn(d -> d.name().endsWith("补假"))
                    .allSatisfy(d -> assertThat(d.date().getDayOfWeek().getValue()).isLessThan(6));
        }
    }

    @Test
    void everyStatutoryDayOf2026IsAHolidayOfThe2026Notice() {
        YearCalendar notice = WorkCalendar.seed(2026).orElseThrow();
        YearCalendar rules = StatutoryHolidays.of(2026);

        assertThat(rules.holidays()).allSatisfy(d ->
                assertThat(notice.kindOf(d.date())).as(d.toString()).isEqualTo(DayKind.HOLIDAY));
        assertThat(rules.holidays()).extracting(CalendarDay::date).contains(
                LocalDate.of(2026, 4, 6),   // 补假: 清明 on Sunday 5 April
                LocalDate.of(2026, 5, 4),   // 补假: 劳动节 2 May, a Saturday
                LocalDate.of(2026, 10, 5)); // 补假: 国庆节 3 October, a Saturday
    }

    @Test
    void the2027FallbackKnowsTheFestivalsAndTheirWeekendMakeUps() {
        YearCalendar rules = StatutoryHolidays.of(2027);

        assertThat(rules.holidays()).extracting(d -> d.date() + " " + d.name()).containsExactly(
                "2027-01-01 元旦",
                "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节",
                "2027-02-09 春节补假", "2027-02-10 春节补假",
                "2027-04-05 清明节",
                "2027-05-01 劳动节", "2027-05-02 劳动节", "2027-05-03 劳动节补假", "2027-05-04 劳动节补假",
                "2027-06-09 端午节",
                "2027-09-15 中秋节",
                "2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节", "2027-10-04 国庆节补假",
                "2027-10-05 国庆节补假");
    }

    @Test
    void midAutumnOnNationalDayOwesOneMoreDay() {
        // 2020: 中秋 fell on 1 October (the notice gave 1–8 October)
        YearCalendar rules = StatutoryHolidays.of(2020);
        assertThat(LunarCalendar.date(2020, 8, 15)).contains(LocalDate.of(2020, 10, 1));
        // 1 October twice and Saturday 3 October: two days owed, Monday 5 and Tuesday 6 October
        assertThat(rules.holidays()).filteredOn(d -> d.date().getMonthValue() == 10)
                .extracting(d -> d.date().getDayOfMonth()).containsExactly(1, 2, 3, 5, 6);
    }
}
