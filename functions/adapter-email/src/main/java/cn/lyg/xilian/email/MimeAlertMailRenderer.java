package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.email.view.AlertMail;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.ledger.XlsxSheet;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;

/**
 * Builds the alert email once as MIME bytes (templates {@code alert.jte}, model {@link AlertMail}):
 * multipart/alternative with text/plain then text/html (clients show the last part they understand) — for the
 * coordinators inside multipart/mixed with the full list as .xlsx ({@link AlertListSheet}) — UTF-8, RFC 2047 subject
 * and sender name, Date from the clock, and a Message-ID derived from the batch so a retry of the same batch is
 * recognisable.
 */
public final class MimeAlertMailRenderer implements AlertMailRenderer {

    private final EmailSettings settings;
    private final MailLinks links;
    private final Clock clock;

    public MimeAlertMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.links = new MailLinks(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(AlertDigest digest) {
        String messageId = digest.batchId() + "@" + settings.messageIdDomain();
        AlertMail mail = AlertMail.of(digest, links);
        MailBodies.Bodies bodies = MailBodies.render("alert", mail);
        try {
            MimeAssembly.File list = mail.coordinators() ? new MimeAssembly.File(
                    mail.attachmentName(), XlsxSheet.CONTENT_TYPE, AlertListSheet.write(digest)) : null;
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, digest.to(),
                    mail.subject(), clock.instant(), bodies.text(), bodies.html(),
                    "=_xilian_" + digest.batchId(), "=_xilian_mix_" + digest.batchId(), list));
            return new OutgoingEmail(messageId, digest.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the alert email for " + digest.audience(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the alert email to memory", e);
        }
    }
}
