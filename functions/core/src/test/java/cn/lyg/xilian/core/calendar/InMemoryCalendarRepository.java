package cn.lyg.xilian.core.calendar;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The calendar store in memory, counting reads. */
public final class InMemoryCalendarRepository implements CalendarRepository {

    private final Map<Integer, YearCalendar> calendars = new HashMap<>();
    private final Map<Integer, WarningRecord> warnings = new HashMap<>();
    int finds;

    @Override
    public synchronized Optional<YearCalendar> find(int year) {
        finds++;
        return Optional.ofNullable(calendars.get(year));
    }

    @Override
    public synchronized SaveOutcome save(YearCalendar calendar, Instant loadedAt) {
        YearCalendar before = calendars.put(calendar.year(), calendar);
        return before == null ? SaveOutcome.CREATED : before.sameDays(calendar) ? SaveOutcome.UNCHANGED : SaveOutcome.REPLACED;
    }

    @Override
    public synchronized WarningRecord claimMissingWarning(int year, Instant now) {
        return warnings.computeIfAbsent(year, y -> new WarningRecord(y, now, null, null));
    }

    @Override
    public synchronized void markMissingWarningSent(int year, String messageId, Instant sentAt) {
        WarningRecord record = warnings.get(year);
        if (record != null && !record.sent()) {
            warnings.put(year, new WarningRecord(year, record.createdAt(), sentAt, messageId));
        }
    }
}
