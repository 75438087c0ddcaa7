package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.mail.OutgoingEmail;

/** Renders a supervision notice to MIME once; any transport sends the same bytes. */
public interface SupervisionMailRenderer {
    OutgoingEmail render(SupervisionNotice notice);
}
