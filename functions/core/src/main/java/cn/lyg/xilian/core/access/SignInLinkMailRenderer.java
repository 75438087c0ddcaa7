package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.mail.OutgoingEmail;

/** Renders the sign-in link email to MIME once; any transport sends the same bytes. */
public interface SignInLinkMailRenderer {
    OutgoingEmail render(SignInLinkNotice notice);
}
