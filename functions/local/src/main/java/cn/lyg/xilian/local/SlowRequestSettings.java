package cn.lyg.xilian.local;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code xilian.local.slow-requests.*}: the slowest a request may arrive on the local run's server
 * ({@link SlowRequestGuard}; infra/docs/SECURITY.md). While the server waits for more of a request, at least
 * {@code min-bytes-per-second} × {@code window} bytes must come per {@code window} of waiting. A 20 MB upload over a
 * phone's or an office's link sends hundreds of KB a second; 4 KB/s is well below any real client.
 */
@ConfigurationProperties("xilian.local.slow-requests")
public class SlowRequestSettings {

    /** 0 turns the guard off. */
    private int minBytesPerSecond = 4096;
    private Duration window = Duration.ofSeconds(15);

    public int getMinBytesPerSecond() {
        return minBytesPerSecond;
    }

    public void setMinBytesPerSecond(int minBytesPerSecond) {
        this.minBytesPerSecond = minBytesPerSecond;
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }
}
