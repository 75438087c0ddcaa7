package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.ReturnNotice;

/** Renders the 退回 notice to MIME once; any transport sends the same bytes. */
public interface ReturnMailRenderer {
    OutgoingEmail render(ReturnNotice notice);
}
