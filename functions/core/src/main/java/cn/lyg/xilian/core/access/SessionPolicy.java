package cn.lyg.xilian.core.access;

import java.time.Duration;

/**
 * Session limits (settings {@code xilian.web.session.*}).
 *
 * @param idle       a session unused this long ends (default 8 h)
 * @param absolute   a session ends this long after sign-in, however active (default 7 days)
 * @param touchAfter the last-use time is written at most this often, so a busy session costs one write per
 *                   interval rather than one per request; the idle limit is therefore exact to this much
 */
public record SessionPolicy(Duration idle, Duration absolute, Duration touchAfter) {

    public static final SessionPolicy DEFAULT =
            new SessionPolicy(Duration.ofHours(8), Duration.ofDays(7), Duration.ofMinutes(5));

    public SessionPolicy {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0
                || touchAfter.isNegative() || touchAfter.compareTo(idle) >= 0) {
            throw new IllegalArgumentException("need 0 < touchAfter < idle <= absolute: " + idle + ", "
                    + absolute + ", " + touchAfter);
        }
    }
}
