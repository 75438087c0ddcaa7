package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * The weekly mails as MIME: multipart/mixed holding a multipart/alternative (text/plain, then
 * text/html) and the ledger attachment. Built like the alert mails ({@link MimeAlertMailRenderer}):
 * UTF-8, RFC 2047 subject and sender name, Date from the clock, the Message-ID given by the use case
 * and boundaries derived from it, so the same envelope always renders the same bytes (a retry keeps its
 * Message-ID; the .xlsx inside may differ by POI's zip timestamps).
 * The attachment's Chinese file name is written RFC 2231-encoded (Jakarta Mail's default).
 */
public final class HtmlSummaryMailRenderer implements SummaryMailRenderer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final EmailSettings settings;
    private final SummaryMailTemplates templates;
    private final Clock clock;
    /** A session only to build messages; it never connects anywhere. */
    private final Session session = Session.getInstance(new Properties());

    public HtmlSummaryMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.templates = new SummaryMailTemplates(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail coordinatorsSummary(WeeklySummary summary, Envelope envelope) {
        return build(envelope, templates.summarySubject(summary.week()), templates.summaryText(summary),
                templates.summaryHtml(summary));
    }

    @Override
    public OutgoingEmail unitDigest(UnitDigest digest, Envelope envelope) {
        return build(envelope, templates.digestSubject(digest), templates.digestText(digest),
                templates.digestHtml(digest));
    }

    private OutgoingEmail build(Envelope envelope, String subject, String text, String html) {
        String boundaryBase = "=_xilian_" + envelope.messageId().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            MimeMessage message = new MimeAlertMailRenderer.FixedIdMimeMessage(session, envelope.messageId());
            message.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), UTF_8));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", envelope.to())));
            message.setSubject(subject, UTF_8);
            message.setSentDate(Date.from(clock.instant()));

            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, UTF_8, "plain");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, UTF_8, "html");
            MimeMultipart alternative = new MultipartWithFixedBoundary("alternative", boundaryBase + "_alt");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlPart);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);

            MimeBodyPart attachment = new MimeBodyPart();
            Attachment file = envelope.attachment();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
            attachment.setFileName(file.fileName());
            attachment.setDisposition(Part.ATTACHMENT);
            attachment.setHeader("Content-Transfer-Encoding", "base64");

            MimeMultipart mixed = new MultipartWithFixedBoundary("mixed", boundaryBase + "_mix");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
            message.saveChanges();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32768);
            message.writeTo(bytes);
            return new OutgoingEmail(envelope.messageId(), envelope.to(), bytes.toByteArray());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the weekly mail " + envelope.messageId(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the weekly mail to memory", e);
        }
    }

    /** A boundary from the Message-ID instead of a random one: a retry renders the same bytes. */
    private static final class MultipartWithFixedBoundary extends MimeMultipart {
        MultipartWithFixedBoundary(String subtype, String boundary) {
            super(subtype);
            contentType = "multipart/" + subtype + "; boundary=\"" + boundary + "\"";
        }
    }
}
