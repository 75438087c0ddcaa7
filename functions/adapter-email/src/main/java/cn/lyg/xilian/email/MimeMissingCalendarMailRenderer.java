package cn.lyg.xilian.email;

import cn.lyg.xilian.core.calendar.MissingCalendar;
import cn.lyg.xilian.core.calendar.MissingCalendarMailRenderer;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import cn.lyg.xilian.email.view.CalendarWarningText;
import java.util.List;

/**
 * The one warning to operations that a year's official holiday calendar is missing: what the system does meanwhile
 * and how to load the notice. multipart/alternative (text, then HTML), UTF-8, the Message-ID given per year.
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
        List<String> paragraphs = CalendarWarningText.forOperations(missing);
        String subject = CalendarWarningText.operationsSubject(missing);
        String text = String.join("\n\n", paragraphs) + "\n\n（本邮件由锡连帮扶合作进度通自动发送，每年只发一次）\n";
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        paragraphs.forEach(p -> html.append("<p>").append(Html.escape(p)).append("</p>"));
        html.append("<p style=\"color:#666\">本邮件由锡连帮扶合作进度通自动发送，每年只发一次</p></body></html>");
        try {
            String boundaryBase = "=_xilian_calendar_" + missing.year();
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, to, subject, clock.instant(),
                    text, html.toString(), boundaryBase + "_alt", boundaryBase + "_mix", null));
            return new OutgoingEmail(messageId, to, bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the missing-calendar warning " + missing.year(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the missing-calendar warning to memory", e);
        }
    }
}
