package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.ReturnMailRenderer;
import cn.lyg.xilian.core.supervision.ReturnNotice;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.email.view.ReturnMail;

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
        ReturnMail mail = new ReturnMail(n, links);
        return MimeAssembly.notice(settings, n.noticeId(), n.to(), mail.subject(), clock.instant(),
                MailBodies.render("return", mail));
    }
}
