package cn.lyg.xilian.core.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWeekTest {

    @Test
    void everyDayOfAWeekAddressesTheWeekBefore() {
        ReportWeek w47 = new ReportWeek(LocalDate.of(2026, 11, 16));
        for (int d = 23; d <= 29; d++) {
            assertThat(ReportWeek.previousOf(LocalDate.of(2026, 11, d))).isEqualTo(w47);
        }
        assertThat(ReportWeek.previousOf(LocalDate.of(2026, 11, 22))).isNotEqualTo(w47);
    }

    @Test
    void idTitleAndBoundsInShanghai() {
        ReportWeek w = ReportWeek.previousOf(LocalDate.of(2026, 11, 23));
        assertThat(w.id()).isEqualTo("2026-W47");
        assertThat(w.sunday()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(w.chineseTitle()).isEqualTo("2026年第47周");
        assertThat(w.chineseRange()).isEqualTo("11月16日—11月22日");
        assertThat(w.start()).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(w.contains(Instant.parse("2026-11-22T15:59:59.999Z"))).isTrue();
        assertThat(w.contains(Instant.parse("2026-11-22T16:00:00Z"))).isFalse();
    }

    @Test
    void isoWeekYearAtTheTurnOfTheYear() {
        ReportWeek w = ReportWeek.previousOf(LocalDate.of(2027, 1, 4));
        assertThat(w.id()).isEqualTo("2026-W53");
        assertThat(ReportWeek.parse("2026-W53")).isEqualTo(w);
        assertThat(ReportWeek.parse("2026-W47").monday()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(ReportWeek.parse("2027-W01").monday()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThatThrownBy(() -> ReportWeek.parse("2027-W53")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ReportWeek.parse("W47")).isInstanceOf(DateTimeParseException.class);
    }
}
