package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.SupervisionMailRenderer;
import cn.lyg.xilian.core.supervision.SupervisionNotice;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.email.view.SupervisionMail;

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
        SupervisionMail mail = new SupervisionMail(n, links);
        return MimeAssembly.notice(settings, n.noticeId(), n.to(), mail.subject(), clock.instant(),
                MailBodies.render("supervision", mail));
    }
}
