package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.SessionPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code xilian.web.session.*}: limits of browser sessions (infra/docs/SECURITY.md). */
@ConfigurationProperties("xilian.web.session")
public class SessionSettings {

    /** A session unused this long ends. */
    private Duration idle = SessionPolicy.DEFAULT.idle();
    /** A session ends this long after sign-in, however active. */
    private Duration absolute = SessionPolicy.DEFAULT.absolute();
    /** Last use is written at most this often (one write per interval, not per request). */
    private Duration touchAfter = SessionPolicy.DEFAULT.touchAfter();

    public SessionPolicy toPolicy() {
        return new SessionPolicy(idle, absolute, touchAfter);
    }

    public Duration getIdle() {
        return idle;
    }

    public void setIdle(Duration idle) {
        this.idle = idle;
    }

    public Duration getAbsolute() {
        return absolute;
    }

    public void setAbsolute(Duration absolute) {
        this.absolute = absolute;
    }

    public Duration getTouchAfter() {
        return touchAfter;
    }

    public void setTouchAfter(Duration touchAfter) {
        this.touchAfter = touchAfter;
    }
}
