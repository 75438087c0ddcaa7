package cn.lyg.xilian.core.catalog;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanYearsTest {

    private final PlanYears both = new PlanYears(List.of(2027, 2026), PlanYears.DEFAULT_CLOSE_OUT_UNTIL);

    @Test
    void aYearIsActiveThenClosingUntilTheCloseOutEndThenArchived() {
        assertEquals(YearState.ACTIVE, both.state(2026, LocalDate.of(2026, 12, 31)));
        assertEquals(YearState.CLOSING, both.state(2026, LocalDate.of(2027, 1, 1)));
        assertEquals(YearState.CLOSING, both.state(2026, LocalDate.of(2027, 1, 31)));
        assertEquals(YearState.ARCHIVED, both.state(2026, LocalDate.of(2027, 2, 1)));
        assertEquals(YearState.ARCHIVED, both.state(2026, LocalDate.of(2028, 1, 10)));
        assertEquals(YearState.ACTIVE, both.state(2027, LocalDate.of(2026, 12, 20)));
    }

    @Test
    void theCloseOutEndIsConfigurable() {
        PlanYears march = new PlanYears(List.of(2026), MonthDay.of(3, 15));
        assertEquals(YearState.CLOSING, march.state(2026, LocalDate.of(2027, 3, 15)));
        assertEquals(YearState.ARCHIVED, march.state(2026, LocalDate.of(2027, 3, 16)));
    }

    @Test
    void inJanuaryBothYearsAreOpenAndTheNewOneIsCurrent() {
        LocalDate jan10 = LocalDate.of(2027, 1, 10);
        assertEquals(List.of(2026, 2027), both.open(jan10));
        assertEquals(Optional.of(2027), both.current(jan10));
        assertEquals(Optional.of(2027), both.newestOpen(jan10));
        assertEquals(List.of(2027), both.open(LocalDate.of(2027, 2, 1)));
    }

    @Test
    void aNextPlanLoadedInDecemberDoesNotHideTheRunningYear() {
        assertEquals(Optional.of(2026), both.current(LocalDate.of(2026, 12, 20)));
        assertEquals(List.of(2026, 2027), both.open(LocalDate.of(2026, 12, 20)));
    }

    @Test
    void withOnlyArchivedYearsTheNewestIsCurrentAndNoneIsOpen() {
        LocalDate later = LocalDate.of(2029, 6, 1);
        assertEquals(Optional.of(2027), both.current(later));
        assertEquals(List.of(), both.open(later));
        assertEquals(Optional.empty(), both.newestOpen(later));
        assertEquals(Optional.empty(), new PlanYears(List.of(), PlanYears.DEFAULT_CLOSE_OUT_UNTIL).current(later));
    }

    @Test
    void aUrlYearIsExactlyFourDigits() {
        assertEquals(OptionalInt.of(2027), PlanYears.parse("2027"));
        for (String bad : new String[]{null, "", "27", "02027", "2027 ", "+2027", "２０２７", "2027a", "-202"}) {
            assertEquals(OptionalInt.empty(), PlanYears.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void theRefusalSaysTheYearIsArchived() {
        assertEquals("2026年计划已归档，不能再填报", PlanYears.archivedMessage(2026));
    }
}
