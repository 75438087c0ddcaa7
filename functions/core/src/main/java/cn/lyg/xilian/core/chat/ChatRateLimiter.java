package cn.lyg.xilian.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The vendors' 20 messages a minute per robot, counted here so a run never earns the vendor's penalty (钉钉 throttles
 * a robot for 10 minutes): a sliding minute per robot. A job does not sleep for the window: what exceeds it waits for
 * the next run. A robot that answered "too fast" is left alone for a minute. Kept in memory for the life of the
 * function instance, so consecutive runs in one warm instance are counted together.
 */
public final class ChatRateLimiter {

    public static final int PER_MINUTE = 20;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perMinute;
    /** Keyed by the webhook (held in memory only, never logged). */
    private final Map<String, Deque<Instant>> sent = new HashMap<>();
    private final Map<String, Instant> pausedUntil = new HashMap<>();

    public ChatRateLimiter(Clock clock) {
        this(clock, PER_MINUTE);
    }

    public ChatRateLimiter(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Takes one slot of the robot's minute; false when it has none left (the message waits for the next run). */
    public synchronized boolean tryAcquire(ChatRobot robot) {
        Instant now = clock.instant();
        Instant paused = pausedUntil.get(robot.webhookUrl());
        if (paused != null && now.isBefore(paused)) {
            return false;
        }
        Deque<Instant> times = sent.computeIfAbsent(robot.webhookUrl(), k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (times.size() >= perMinute) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** The robot said "too fast" or is down: no more messages to it for a minute. */
    public synchronized void pause(ChatRobot robot) {
        pausedUntil.put(robot.webhookUrl(), clock.instant().plus(WINDOW));
    }
}
