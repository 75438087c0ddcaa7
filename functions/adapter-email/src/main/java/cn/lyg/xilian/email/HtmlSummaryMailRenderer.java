package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.email.view.DigestMail;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.email.view.SummaryMail;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;

/**
 * The weekly mails as MIME (templates {@code summary.jte} and {@code digest.jte}): multipart/mixed holding a multipart/alternative (text/plain, then
 * text/html) and the ledger attachment. Built like the alert mails ({@link MimeAlertMailRenderer}):
 * UTF-8, RFC 2047 subject and sender name, Date from the clock, the Message-ID given by the use case
 * and boundaries derived from it, so the same envelope always renders the same bytes (a retry keeps its
 * Message-ID; the .xlsx inside may differ by POI's zip timestamps).
 * The attachment's Chinese file name is written RFC 2231-encoded (Jakarta Mail's default).
 */
public final class HtmlSummaryMailRenderer implements SummaryMailRenderer {

    private final EmailSettings settings;
    private final MailLinks links;
    private final Clock clock;

    public HtmlSummaryMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.links = new MailLinks(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail coordinatorsSummary(WeeklySummary summary, Envelope envelope) {
        SummaryMail mail = new SummaryMail(summary, links);
        return build(envelope, mail.subject(), MailBodies.render("summary", mail));
    }

    @Override
    public OutgoingEmail unitDigest(UnitDigest digest, Envelope envelope) {
        DigestMail mail = new DigestMail(digest, links);
        return build(envelope, mail.subject(), MailBodies.render("digest", mail));
    }

    private OutgoingEmail build(Envelope envelope, String subject, MailBodies.Bodies bodies) {
        String boundaryBase = "=_xilian_" + envelope.messageId().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Attachment file = envelope.attachment();
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(envelope.messageId(), envelope.to(),
                    subject, clock.instant(), bodies.text(), bodies.html(), boundaryBase + "_alt", boundaryBase + "_mix",
                    new MimeAssembly.File(file.fileName(), file.contentType(), file.content()),
                    envelope.more().stream().map(m -> new MimeAssembly.File(m.fileName(), m.contentType(), m.content()))
                            .toList()));
            return new OutgoingEmail(envelope.messageId(), envelope.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the weekly mail " + envelope.messageId(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the weekly mail to memory", e);
        }
    }
}
