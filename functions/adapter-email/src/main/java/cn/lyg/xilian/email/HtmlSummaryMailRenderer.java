package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;

/**
 * The weekly mails as MIME: multipart/mixed holding a multipart/alternative (text/plain, then
 * text/html) and the ledger attachment. Built like the alert mails ({@link MimeAlertMailRenderer}):
 * UTF-8, RFC 2047 subject and sender name, Date from the clock, the Message-ID given by the use case
 * and boundaries derived from it, so the same envelope always renders the same bytes (a retry keeps its
 * Message-ID; the .xlsx inside may differ by POI's zip timestamps).
 * The attachment's Chinese file name is written RFC 2231-encoded (Jakarta Mail's default).
 */
public final class HtmlSummaryMailRenderer implements SummaryMailRenderer {

    private final EmailSettings settings;
    private final SummaryMailTemplates templates;
    private final Clock clock;

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
            Attachment file = envelope.attachment();
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(envelope.messageId(), envelope.to(),
                    subject, clock.instant(), text, html, boundaryBase + "_alt", boundaryBase + "_mix",
                    new MimeAssembly.File(file.fileName(), file.contentType(), file.content())));
            return new OutgoingEmail(envelope.messageId(), envelope.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the weekly mail " + envelope.messageId(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the weekly mail to memory", e);
        }
    }
}
