package cn.lyg.xilian.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayCalendarsTest {

    private final InMemoryCalendarRepository stored = new InMemoryCalendarRepository();
    private final HolidayCalendars calendars = new HolidayCalendars(stored);

    @Test
    void aLoadedCalendarComesFirstThenTheSeedThenTheRules() {
        assertThat(calendars.current().year(2026).origin()).isEqualTo(YearCalendar.Origin.NOTICE);
        assertThat(calendars.current().year(2027).origin()).isEqualTo(YearCalendar.Origin.RULES);

        YearCalendar notice2027 = CalendarTexts.notice(CalendarTexts.NOTICE_2027_FICTIONAL);
        stored.save(notice2027, Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(calendars.current().year(2027)).isEqualTo(notice2027);

        YearCalendar corrected2026 = new YearCalendar(2026, YearCalendar.Origin.NOTICE, "corrected", java.util.List.of());
        stored.save(corrected2026, Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(calendars.current().year(2026)).as("the table before the seed").isEqualTo(corrected2026);
    }

    @Test
    void eachCurrentCalendarReadsTheTableAgainButEachYearOnlyOnce() {
        WorkCalendar before = calendars.current();
        assertThat(before.isWorkingDay(LocalDate.of(2027, 2, 20))).as("a Saturday, by rule").isFalse();
        before.isWorkingDay(LocalDate.of(2027, 2, 21));
        int reads = stored.finds;

        stored.save(CalendarTexts.notice(CalendarTexts.NOTICE_2027_FICTIONAL), Instant.parse("2026-11-20T02:00:00Z"));

        assertThat(before.isWorkingDay(LocalDate.of(2027, 2, 20))).as("a calendar already taken keeps its year").isFalse();
        assertThat(stored.finds).isEqualTo(reads);
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2027, 2, 20))).as("调休 Saturday").isTrue();
    }

    @Test
    void theNextYearIsMissingFrom15NovemberAndTheCurrentYearWhenever() {
        assertThat(calendars.missing(LocalDate.of(2026, 11, 14))).isEmpty();
        assertThat(calendars.missing(LocalDate.of(2026, 11, 15))).contains(new MissingCalendar(2027, false));
        assertThat(calendars.missing(LocalDate.of(2027, 1, 4))).contains(new MissingCalendar(2027, true));
        assertThat(calendars.missing(LocalDate.of(2027, 3, 1))).contains(new MissingCalendar(2027, true));

        stored.save(CalendarTexts.notice(CalendarTexts.NOTICE_2027_FICTIONAL), Instant.parse("2026-11-20T02:00:00Z"));

        assertThat(calendars.missing(LocalDate.of(2026, 12, 7))).isEmpty();
        assertThat(calendars.missing(LocalDate.of(2027, 11, 14))).isEmpty();
        assertThat(calendars.missing(LocalDate.of(2027, 11, 15))).contains(new MissingCalendar(2028, false));
        assertThat(new HolidayCalendars(stored, year -> Optional.empty()).missing(LocalDate.of(2026, 6, 1)))
                .as("without the seed").contains(new MissingCalendar(2026, true));
    }
}
