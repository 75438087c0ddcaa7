package cn.lyg.xilian.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LunarCalendarTest {

    /**
     * lunar-reference-2000-2099.csv: 春节, 端午, 中秋 and 清明 of every year as lunar-python 1.4.8 (寿星天文历) computes
     * them; lunardate 0.3.0 (Hong Kong Observatory tables) gives the same festival dates. (ICU4J's astronomical
     * ChineseCalendar does not: it puts 春节 2027 on 7 February, a new moon 4 minutes before midnight.)
     */
    @Test
    void everyFestivalOf2000To2099MatchesTheReference() {
        List<String> rows = CalendarTexts.read(CalendarTexts.LUNAR_REFERENCE).lines().skip(1).toList();
        assertThat(rows).hasSize(100);
        for (String row : rows) {
            String[] c = row.split(",");
            int year = Integer.parseInt(c[0]);
            assertThat(LunarCalendar.springFestival(year)).as("春节 %d", year).contains(LocalDate.parse(c[1]));
            assertThat(LunarCalendar.date(year, 5, 5)).as("端午 %d", year).contains(LocalDate.parse(c[2]));
            assertThat(LunarCalendar.date(year, 8, 15)).as("中秋 %d", year).contains(LocalDate.parse(c[3]));
            assertThat(StatutoryHolidays.qingming(year)).as("清明 %d", year).contains(LocalDate.parse(c[4]));
        }
    }

    @Test
    void theFestivalsOfTheLastNoticesAgree() {
        // 2024: 春节 2月10日, 端午 6月10日, 中秋 9月17日; 2025: 1月29日, 5月31日, 10月6日; 2026: 2月17日, 6月19日, 9月25日
        assertThat(LunarCalendar.springFestival(2024)).contains(LocalDate.of(2024, 2, 10));
        assertThat(LunarCalendar.date(2024, 5, 5)).contains(LocalDate.of(2024, 6, 10));
        assertThat(LunarCalendar.date(2024, 8, 15)).contains(LocalDate.of(2024, 9, 17));
        assertThat(LunarCalendar.springFestival(2025)).contains(LocalDate.of(2025, 1, 29));
        assertThat(LunarCalendar.date(2025, 5, 5)).contains(LocalDate.of(2025, 5, 31)); // after a leap 6th month: none before
        assertThat(LunarCalendar.date(2025, 8, 15)).contains(LocalDate.of(2025, 10, 6)); // after 闰六月
        assertThat(LunarCalendar.springFestival(2026)).contains(LocalDate.of(2026, 2, 17));
        assertThat(LunarCalendar.date(2026, 5, 5)).contains(LocalDate.of(2026, 6, 19));
        assertThat(LunarCalendar.date(2026, 8, 15)).contains(LocalDate.of(2026, 9, 25));
        assertThat(LunarCalendar.springFestival(2027)).contains(LocalDate.of(2027, 2, 6));
    }

    @Test
    void knowsNothingOutsideItsTable() {
        assertThat(LunarCalendar.springFestival(1999)).isEmpty();
        assertThat(LunarCalendar.date(2100, 8, 15)).isEmpty();
        assertThat(StatutoryHolidays.qingming(2100)).isEmpty();
    }
}
