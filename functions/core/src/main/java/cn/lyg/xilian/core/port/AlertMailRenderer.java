package cn.lyg.xilian.core.port;

import cn.lyg.xilian.core.alert.AlertDigest;

/** Turns a digest into a complete MIME message (Chinese HTML plus plain text). */
public interface AlertMailRenderer {
    OutgoingEmail render(AlertDigest digest);
}
