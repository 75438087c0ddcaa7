package cn.lyg.xilian.email;

import cn.lyg.xilian.core.calendar.MissingCalendar;
import cn.lyg.xilian.core.calendar.MissingCalendarMailRenderer;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.email.view.CalendarWarningText;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.List;

/**
 * The one warning to operations that a year's official holiday calendar is missing: what the system does meanwhile
 * and how to load the notice (templates {@code calendar.jte}). multipart/alternative (text, then HTML), UTF-8, the
 * Message-ID given per year.
 */
public final class MimeMissingCalendarMailRenderer implements MissingCalendarMailRenderer {

    private final EmailSettings settings;
    private final Clock clock;

    public MimeMissingCalendarMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(MissingCalendar missing, List<String> to, String messageId) {
        MailBodies.Bodies bodies = MailBodies.render("calendar", missing);
        try {
            String boundaryBase = "=_xilian_calendar_" + missing.year();
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, to,
                    CalendarWarningText.operationsSubject(missing), clock.instant(), bodies.text(), bodies.html(),
                    boundaryBase + "_alt", boundaryBase + "_mix", null));
            return new OutgoingEmail(messageId, to, bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the missing-calendar warning " + missing.year(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the missing-calendar warning to memory", e);
        }
    }
}
