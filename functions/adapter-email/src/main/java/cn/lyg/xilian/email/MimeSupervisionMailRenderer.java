package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.SupervisionMailRenderer;
import cn.lyg.xilian.core.supervision.SupervisionNotice;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.email.view.SupervisionMail;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;

/**
 * A new 督办意见 or an extension decision, to the unit (templates {@code supervision.jte}, model {@link SupervisionMail}).
 * As the 退回 notice: multipart/alternative, UTF-8, a Message-ID fixed per notice and unit (a retry is recognisable).
 */
public final class MimeSupervisionMailRenderer implements SupervisionMailRenderer {

    private final EmailSettings settings;
    private final MailLinks links;
    private final Clock clock;

    public MimeSupervisionMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.links = new MailLinks(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(SupervisionNotice n) {
        String messageId = n.noticeId() + "@" + settings.messageIdDomain();
        SupervisionMail mail = new SupervisionMail(n, links);
        MailBodies.Bodies bodies = MailBodies.render("supervision", mail);
        try {
            // Boundaries from the notice, as for the other emails: a retry renders the same bytes.
            String boundaryBase = "=_xilian_" + n.noticeId().replaceAll("[^A-Za-z0-9._-]", "_");
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, n.to(), mail.subject(),
                    clock.instant(), bodies.text(), bodies.html(), boundaryBase + "_alt", boundaryBase + "_mix", null));
            return new OutgoingEmail(messageId, n.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the supervision " + n.noticeId(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the supervision mail to memory", e);
        }
    }
}
