package cn.lyg.xilian.core.report;

import java.time.Instant;
import java.util.List;

/**
 * The sign-in links that end soon, for the coordinators' Monday summary (implemented over the directory and the
 * credentials: {@code core.admin.ExpiringSignInLinks}).
 */
public interface ExpiringLinks {

    /** The holders whose links all end within the warning period after {@code now}, soonest first. */
    List<Lines.ExpiringLink> asOf(Instant now);

    ExpiringLinks NONE = now -> List.of();
}
