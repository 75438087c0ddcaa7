package cn.lyg.xilian.core.calendar;

import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Tells operations, once per year, that the year's official calendar is missing ({@link HolidayCalendars#missing}):
 * from 15 November for the next year, or as soon as a year has begun without one. Run by the daily scan, on
 * working days like every scan mail. Exactly once: a record per year ({@link CalendarRepository#claimMissingWarning})
 * is claimed before sending and marked sent after the transport accepted the mail; a failed send stays pending and
 * the next run retries it with the same Message-ID. Safe to run twice, or concurrently.
 */
public final class NotifyMissingCalendar {

    /** What a run did. */
    public enum Outcome {
        /** Every needed calendar is there. */
        NOTHING_MISSING,
        /** Missing, but today is not a working day: tomorrow's or Monday's run sends it. */
        QUIET_DAY,
        /** Missing, but no operations address is configured. */
        NO_ADDRESS,
        ALREADY_SENT,
        SENT,
        /** The transport refused it; the record stays pending. */
        FAILED
    }

    public record Result(Optional<MissingCalendar> missing, Outcome outcome, String detail) {
    }

    private final CalendarSource calendars;
    private final CalendarRepository records;
    private final ContactDirectory contacts;
    private final MissingCalendarMailRenderer renderer;
    private final MailTransport transport;
    private final String messageIdDomain;
    private final Clock clock;

    public NotifyMissingCalendar(CalendarSource calendars, CalendarRepository records, ContactDirectory contacts,
                                 MissingCalendarMailRenderer renderer, MailTransport transport, String messageIdDomain,
                                 Clock clock) {
        this.calendars = calendars;
        this.records = records;
        this.contacts = contacts;
        this.renderer = renderer;
        this.transport = transport;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    public Result run(LocalDate today) {
        Optional<MissingCalendar> missing = calendars.missing(today);
        if (missing.isEmpty()) {
            return new Result(missing, Outcome.NOTHING_MISSING, "");
        }
        if (!calendars.current().isWorkingDay(today)) {
            return new Result(missing, Outcome.QUIET_DAY, "");
        }
        List<String> ops = contacts.operations();
        if (ops.isEmpty()) {
            return new Result(missing, Outcome.NO_ADDRESS, "");
        }
        int year = missing.get().year();
        CalendarRepository.WarningRecord record = records.claimMissingWarning(year, clock.instant());
        if (record.sent()) {
            return new Result(missing, Outcome.ALREADY_SENT, record.messageId());
        }
        try {
            OutgoingEmail email = renderer.render(missing.get(), ops, "calendar-missing-" + year + "@" + messageIdDomain);
            transport.send(email);
            records.markMissingWarningSent(year, email.messageId(), clock.instant());
            return new Result(missing, Outcome.SENT, email.messageId());
        } catch (RuntimeException e) {
            return new Result(missing, Outcome.FAILED, String.valueOf(e));
        }
    }
}
