package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.alert.AlertDigest;

/** Turns a digest into a complete MIME message (Chinese HTML plus plain text). */
public interface AlertMailRenderer {
    OutgoingEmail render(AlertDigest digest);
}
