package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The one place rendered text and HTML become MIME bytes for every email: UTF-8, multipart/alternative (text, then
 * HTML), optionally inside multipart/mixed with one attached file. The Message-ID and the boundaries are given, not
 * invented, so a retry renders the same bytes (and the outbox, SES and SMTP get them unchanged).
 */
final class MimeAssembly {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final Session SESSION = Session.getInstance(new Properties());

    /** An attached file. */
    record File(String fileName, String contentType, byte[] content) {
    }

    /** The message's headers and parts; {@code attachment} may be null, {@code more} follow it. */
    record Parts(String messageId, List<String> to, String subject, Instant sentAt, String text, String html,
                 String alternativeBoundary, String mixedBoundary, File attachment, List<File> more) {
        Parts {
            more = more == null ? List.of() : List.copyOf(more);
        }

        Parts(String messageId, List<String> to, String subject, Instant sentAt, String text, String html,
              String alternativeBoundary, String mixedBoundary, File attachment) {
            this(messageId, to, subject, sentAt, text, html, alternativeBoundary, mixedBoundary, attachment, List.of());
        }
    }

    private MimeAssembly() {
    }

    /**
     * A notice to a unit (退回, 督办意见, an extension decision, a sign-in link): text and HTML, no attachment, with a
     * Message-ID and MIME boundaries fixed by {@code noticeId}, so a retry renders the same bytes.
     */
    static OutgoingEmail notice(EmailSettings settings, String noticeId, List<String> to,
                                                        String subject, Instant sentAt, MailBodies.Bodies bodies) {
        String messageId = noticeId + "@" + settings.messageIdDomain();
        String boundaryBase = "=_xilian_" + noticeId.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] bytes = write(settings, new Parts(messageId, to, subject, sentAt, bodies.text(), bodies.html(),
                    boundaryBase + "_alt", boundaryBase + "_mix", null));
            return new OutgoingEmail(messageId, to, bytes);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the notice " + noticeId, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the notice " + noticeId + " to memory", e);
        }
    }

    static byte[] write(EmailSettings settings, Parts p) throws MessagingException, IOException {
        MimeMessage message = new FixedIdMimeMessage(SESSION, p.messageId());
        message.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), UTF_8));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", p.to())));
        message.setSubject(p.subject(), UTF_8);
        message.setSentDate(Date.from(p.sentAt()));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(p.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(p.html(), UTF_8, "html");
        MimeMultipart alternative = new MultipartWithFixedBoundary("alternative", p.alternativeBoundary());
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (p.attachment() == null) {
            message.setContent(alternative);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeMultipart mixed = new MultipartWithFixedBoundary("mixed", p.mixedBoundary());
            mixed.addBodyPart(body);
            mixed.addBodyPart(filePart(p.attachment()));
            for (File more : p.more()) {
                mixed.addBodyPart(filePart(more));
            }
            message.setContent(mixed);
        }
        message.saveChanges();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(p.attachment() == null ? 8192 : 32768);
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    private static MimeBodyPart filePart(File attached) throws MessagingException {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attached.content(), attached.contentType())));
        file.setFileName(attached.fileName());
        file.setDisposition(Part.ATTACHMENT);
        file.setHeader("Content-Transfer-Encoding", "base64");
        return file;
    }

    /** A given boundary instead of a random one. */
    private static final class MultipartWithFixedBoundary extends MimeMultipart {
        MultipartWithFixedBoundary(String subtype, String boundary) {
            super(subtype);
            contentType = "multipart/" + subtype + "; boundary=\"" + boundary + "\"";
        }
    }

    /** Jakarta Mail would invent a random Message-ID on saveChanges; ours must be deterministic. */
    private static final class FixedIdMimeMessage extends MimeMessage {
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
