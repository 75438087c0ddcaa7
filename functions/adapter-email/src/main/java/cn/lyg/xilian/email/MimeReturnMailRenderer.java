package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.ReturnMailRenderer;
import cn.lyg.xilian.core.supervision.ReturnNotice;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.email.view.ReturnMail;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;

/**
 * The 退回 notice to a unit (templates {@code return.jte}, model {@link ReturnMail}): why its report was sent back,
 * which report, and the link to report again. multipart/alternative (text, then HTML), UTF-8, a Message-ID fixed per
 * review (a retry is recognisable).
 */
public final class MimeReturnMailRenderer implements ReturnMailRenderer {

    private final EmailSettings settings;
    private final MailLinks links;
    private final Clock clock;

    public MimeReturnMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.links = new MailLinks(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(ReturnNotice n) {
        String messageId = n.noticeId() + "@" + settings.messageIdDomain();
        ReturnMail mail = new ReturnMail(n, links);
        MailBodies.Bodies bodies = MailBodies.render("return", mail);
        try {
            // Boundaries from the notice, as for the other emails: a retry renders the same bytes.
            String boundaryBase = "=_xilian_" + n.noticeId().replaceAll("[^A-Za-z0-9._-]", "_");
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, n.to(), mail.subject(),
                    clock.instant(), bodies.text(), bodies.html(), boundaryBase + "_alt", boundaryBase + "_mix", null));
            return new OutgoingEmail(messageId, n.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the return notice " + n.noticeId(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the return notice to memory", e);
        }
    }
}
