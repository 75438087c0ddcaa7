package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.access.SignInLinkMailRenderer;
import cn.lyg.xilian.core.access.SignInLinkNotice;
import cn.lyg.xilian.email.view.MailLinks;
import cn.lyg.xilian.email.view.SignInLinkMail;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
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
        String messageId = ("signin-" + n.requestId()) + "@" + settings.messageIdDomain();
        SignInLinkMail mail = new SignInLinkMail(n, links);
        MailBodies.Bodies bodies = MailBodies.render("signin", mail);
        try {
            // Boundaries from the request id (the token is new on a retry anyway).
            String boundaryBase = "=_xilian_" + ("signin-" + n.requestId()).replaceAll("[^A-Za-z0-9._-]", "_");
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, n.to(), mail.subject(),
                    clock.instant(), bodies.text(), bodies.html(), boundaryBase + "_alt", boundaryBase + "_mix", null));
            return new OutgoingEmail(messageId, n.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the signin " + ("signin-" + n.requestId()), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the signin mail to memory", e);
        }
    }
}
