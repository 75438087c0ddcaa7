package cn.lyg.xilian.core.alert;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aYearWithoutAFileHasPlainWeekends() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).as("a Friday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 2))).as("a Saturday").isFalse();
        assertThat(WorkCalendar.weekendsOnly().isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    }

    @Test
    void rejectsAnUnknownKind() {
        String csv = "date,kind,name\n2026-10-01,festival,国庆节\n";
        assertThatThrownBy(() -> WorkCalendar.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("unknown kind");
    }
}
