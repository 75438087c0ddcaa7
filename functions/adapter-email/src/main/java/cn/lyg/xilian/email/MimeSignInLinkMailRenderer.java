package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.access.SignInLinkMailRenderer;
import cn.lyg.xilian.core.access.SignInLinkNotice;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.email.view.SignInLinkMail;

import java.time.Clock;

/**
 * The sign-in link a unit asked for (templates {@code signin.jte}, model {@link SignInLinkMail}). The Message-ID and
 * boundaries come from the request's id, never from the token.
 */
public final class MimeSignInLinkMailRenderer implements SignInLinkMailRenderer {

    private final EmailSettings settings;
    private final MailLinks links;
    private final Clock clock;

    public MimeSignInLinkMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.links = new MailLinks(settings.baseUrl());
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(SignInLinkNotice n) {
        SignInLinkMail mail = new SignInLinkMail(n, links);
        return MimeAssembly.notice(settings, "signin-" + n.requestId(), n.to(), mail.subject(), clock.instant(),
                MailBodies.render("signin", mail));
    }
}
