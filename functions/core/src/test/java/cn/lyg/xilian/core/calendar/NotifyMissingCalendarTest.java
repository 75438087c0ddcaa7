package cn.lyg.xilian.core.calendar;

import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyMissingCalendarTest {

    private final InMemoryCalendarRepository stored = new InMemoryCalendarRepository();
    private final List<OutgoingEmail> sent = new ArrayList<>();
    private boolean transportDown;
    private List<String> ops = List.of("ops@example.cn");

    private final NotifyMissingCalendar notify = new NotifyMissingCalendar(new HolidayCalendars(stored), stored,
            new ContactDirectory() {
                @Override
                public List<String> unitContacts(String unitId) {
                    return List.of();
                }

                @Override
                public List<String> coordinators() {
                    return List.of("fgw@example.cn");
                }

                @Override
                public List<String> operations() {
                    return ops;
                }
            },
            (missing, to, messageId) -> new OutgoingEmail(messageId, to,
                    ("missing " + missing.year()).getBytes(StandardCharsets.UTF_8)),
            email -> {
                if (transportDown) {
                    throw new MailDeliveryException("down", null);
                }
                sent.add(email);
            },
            "xilian.test", Clock.fixed(Instant.parse("2026-11-16T00:30:00Z"), ZoneOffset.UTC));

    @Test
    void operationsHearOnceFrom15November() {
        assertThat(notify.run(LocalDate.of(2026, 11, 13)).outcome()).isEqualTo(NotifyMissingCalendar.Outcome.NOTHING_MISSING);
        assertThat(notify.run(LocalDate.of(2026, 11, 15)).outcome()).as("a Sunday").isEqualTo(NotifyMissingCalendar.Outcome.QUIET_DAY);
        NotifyMissingCalendar.Result monday = notify.run(LocalDate.of(2026, 11, 16));
        NotifyMissingCalendar.Result again = notify.run(LocalDate.of(2026, 11, 16));
        NotifyMissingCalendar.Result newYear = notify.run(LocalDate.of(2027, 1, 4));

        assertThat(monday.outcome()).isEqualTo(NotifyMissingCalendar.Outcome.SENT);
        assertThat(monday.missing()).contains(new MissingCalendar(2027, false));
        assertThat(again.outcome()).isEqualTo(NotifyMissingCalendar.Outcome.ALREADY_SENT);
        assertThat(newYear.outcome()).as("the same year, still missing").isEqualTo(NotifyMissingCalendar.Outcome.ALREADY_SENT);
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.to()).containsExactly("ops@example.cn");
            assertThat(e.messageId()).isEqualTo("calendar-missing-2027@xilian.test");
        });
    }

    @Test
    void aFailedSendIsRetriedWithTheSameMessageId() {
        transportDown = true;
        assertThat(notify.run(LocalDate.of(2026, 11, 16)).outcome()).isEqualTo(NotifyMissingCalendar.Outcome.FAILED);
        transportDown = false;
        assertThat(notify.run(LocalDate.of(2026, 11, 17)).outcome()).isEqualTo(NotifyMissingCalendar.Outcome.SENT);
        assertThat(sent).extracting(OutgoingEmail::messageId).containsExactly("calendar-missing-2027@xilian.test");
    }

    @Test
    void withoutAnAddressOrOnceLoadedNothingIsSent() {
        ops = List.of();
        assertThat(notify.run(LocalDate.of(2026, 11, 16)).outcome()).isEqualTo(NotifyMissingCalendar.Outcome.NO_ADDRESS);
        ops = List.of("ops@example.cn");
        stored.save(CalendarTexts.notice(CalendarTexts.NOTICE_2027_FICTIONAL), Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(notify.run(LocalDate.of(2026, 12, 7)).outcome()).isEqualTo(NotifyMissingCalendar.Outcome.NOTHING_MISSING);
        assertThat(sent).isEmpty();
    }
}
