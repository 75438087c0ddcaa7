package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.ledger.XlsxSheet;
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
 * Builds the alert email once as MIME bytes: multipart/alternative with text/plain then text/html
 * (clients show the last part they understand) — for the coordinators inside multipart/mixed with the full
 * list as .xlsx — UTF-8, RFC 2047 subject and sender name, Date from
 * the clock, and a Message-ID derived from the batch so a retry of the same batch is recognisable.
 */
public final class MimeAlertMailRenderer implements AlertMailRenderer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final EmailSettings settings;
    private final AlertMailTemplates templates;
    private final Clock clock;
    /** A session only to build messages; it never connects anywhere. */
    private final Session session = Session.getInstance(new Properties());

    public MimeAlertMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.templates = new AlertMailTemplates(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(AlertDigest digest) {
        String messageId = digest.batchId() + "@" + settings.messageIdDomain();
        try {
            MimeMessage message = new FixedIdMimeMessage(session, messageId);
            message.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), UTF_8));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", digest.to())));
            message.setSubject(templates.subject(digest), UTF_8);
            message.setSentDate(Date.from(clock.instant()));

            MimeBodyPart text = new MimeBodyPart();
            text.setText(templates.text(digest), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(templates.html(digest), UTF_8, "html");
            MimeMultipart alternative = new MultipartWithFixedBoundary("alternative", "=_xilian_" + digest.batchId());
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            if (templates.hasAttachment(digest)) {
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                MimeBodyPart list = new MimeBodyPart();
                list.setDataHandler(new DataHandler(new ByteArrayDataSource(AlertListSheet.write(digest),
                        XlsxSheet.CONTENT_TYPE)));
                list.setFileName(templates.attachmentName(digest));
                list.setDisposition(Part.ATTACHMENT);
                list.setHeader("Content-Transfer-Encoding", "base64");
                MimeMultipart mixed = new MultipartWithFixedBoundary("mixed", "=_xilian_mix_" + digest.batchId());
                mixed.addBodyPart(body);
                mixed.addBodyPart(list);
                message.setContent(mixed);
            } else {
                message.setContent(alternative);
            }
            message.saveChanges();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            message.writeTo(bytes);
            return new OutgoingEmail(messageId, digest.to(), bytes.toByteArray());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the alert email for " + digest.audience(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the alert email to memory", e);
        }
    }

    /** A boundary from the batch instead of a random one: the same batch renders the same bytes. */
    private static final class MultipartWithFixedBoundary extends MimeMultipart {
        MultipartWithFixedBoundary(String subtype, String boundary) {
            super(subtype);
            contentType = "multipart/" + subtype + "; boundary=\"" + boundary + "\"";
        }
    }

    /** Jakarta Mail would invent a random Message-ID on saveChanges; ours must be deterministic.
     *  Package-private: the weekly summary renderer uses it too. */
    static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
