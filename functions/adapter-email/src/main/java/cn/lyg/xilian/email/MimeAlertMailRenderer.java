package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.ledger.XlsxSheet;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;

/**
 * Builds the alert email once as MIME bytes: multipart/alternative with text/plain then text/html
 * (clients show the last part they understand) — for the coordinators inside multipart/mixed with the full
 * list as .xlsx — UTF-8, RFC 2047 subject and sender name, Date from
 * the clock, and a Message-ID derived from the batch so a retry of the same batch is recognisable.
 */
public final class MimeAlertMailRenderer implements AlertMailRenderer {

    private final EmailSettings settings;
    private final AlertMailTemplates templates;
    private final Clock clock;

    public MimeAlertMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.templates = new AlertMailTemplates(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(AlertDigest digest) {
        String messageId = digest.batchId() + "@" + settings.messageIdDomain();
        try {
            MimeAssembly.File list = templates.hasAttachment(digest) ? new MimeAssembly.File(
                    templates.attachmentName(digest), XlsxSheet.CONTENT_TYPE, AlertListSheet.write(digest)) : null;
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, digest.to(),
                    templates.subject(digest), clock.instant(), templates.text(digest), templates.html(digest),
                    "=_xilian_" + digest.batchId(), "=_xilian_mix_" + digest.batchId(), list));
            return new OutgoingEmail(messageId, digest.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the alert email for " + digest.audience(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the alert email to memory", e);
        }
    }
}
