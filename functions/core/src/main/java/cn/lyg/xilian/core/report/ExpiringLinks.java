package cn.lyg.xilian.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sign-in links that end soon, for the coordinators' Monday summary (implemented over the directory and the
 * credentials: {@code core.admin.ExpiringSignInLinks}).
 */
public interface ExpiringLinks {

    /**
     * A sign-in link that ends soon (within {@code LinkState.SOON_DAYS} of the run): whose it is (a unit's name, or a
     * coordinator's) and the day it ends (Asia/Shanghai).
     */
    record Link(String holder, LocalDate expiresOn) {
    }

    /** The holders whose links all end within the warning period after {@code now}, soonest first. */
    List<Link> asOf(Instant now);

    ExpiringLinks NONE = now -> List.of();
}
