package cn.lyg.xilian.core.calendar;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * The official calendars loaded from each year's notice, and the record of the one warning to operations that a
 * year's calendar is missing. See infra/dynamodb/TABLE.md ({@code CALENDAR#Y}).
 */
public interface CalendarRepository {

    /** The loaded calendar of the year, read consistently (a calendar loaded a moment ago is seen). */
    Optional<YearCalendar> find(int year);

    /**
     * Stores the year's calendar, replacing a loaded one whose days differ; the same days again write nothing.
     */
    SaveOutcome save(YearCalendar calendar, Instant loadedAt);

    enum SaveOutcome { CREATED, REPLACED, UNCHANGED }

    /**
     * Creates the pending record of the warning that {@code year}'s calendar is missing unless one exists (a
     * conditional create, safe against concurrent runs) and returns the stored record, which may already be sent.
     */
    WarningRecord claimMissingWarning(int year, Instant now);

    /** Marks the warning sent with its Message-ID. Idempotent: a repeat keeps the first delivery. */
    void markMissingWarningSent(int year, String messageId, Instant sentAt);

    /** The delivery record of the warning for one year; {@code sentAt} null while pending. */
    record WarningRecord(int year, Instant createdAt, @Nullable Instant sentAt, @Nullable String messageId) {
        public boolean sent() {
            return sentAt != null;
        }
    }
}
