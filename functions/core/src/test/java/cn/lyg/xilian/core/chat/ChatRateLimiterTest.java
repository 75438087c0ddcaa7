package cn.lyg.xilian.core.chat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ChatRateLimiterTest {

    private static final ChatRobot A = new ChatRobot(ChatVendor.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a", null);
    private static final ChatRobot B = new ChatRobot(ChatVendor.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=b", null);

    private Instant now = Instant.parse("2026-11-23T01:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };

    @Test
    void twentyAMinutePerRobotThenTheNextMinute() {
        ChatRateLimiter limiter = new ChatRateLimiter(clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire(A)).as("message %d", i + 1).isTrue();
            now = now.plusMillis(100);
        }
        assertThat(limiter.tryAcquire(A)).as("the 21st within the minute").isFalse();
        assertThat(limiter.tryAcquire(B)).as("another robot has its own minute").isTrue();
        now = Instant.parse("2026-11-23T01:01:00.050Z"); // the first slot (01:00:00.000) has left the window
        assertThat(limiter.tryAcquire(A)).isTrue();
        assertThat(limiter.tryAcquire(A)).as("only one slot had left").isFalse();
    }

    @Test
    void aPausedRobotGetsNothingForAMinute() {
        ChatRateLimiter limiter = new ChatRateLimiter(clock);
        limiter.pause(A);
        assertThat(limiter.tryAcquire(A)).isFalse();
        now = now.plus(Duration.ofSeconds(59));
        assertThat(limiter.tryAcquire(A)).isFalse();
        now = now.plus(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(A)).isTrue();
    }
}
