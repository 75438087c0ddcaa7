package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.wiring.CoreFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's "now", set by the test: with {@code test.settable-clock=true} it replaces the system clock, so a
 * handler invoked with the Scheduler's {@code {}} runs "today" as the test says.
 */
final class SettableClock extends Clock {

    static final String PROPERTY = "test.settable-clock";

    private volatile Instant now = Instant.parse("2026-12-07T00:30:00Z");

    /** A wall-clock time in Asia/Shanghai, e.g. {@code 2027-02-20T08:30}. */
    void set(String shanghaiTime) {
        now = LocalDateTime.parse(shanghaiTime).atZone(PlanTime.ZONE).toInstant();
    }

    /** Moves "now" on, e.g. past a robot's minute. */
    void advance(java.time.Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Factory
    @Requires(property = PROPERTY, value = "true")
    static class SettableClockFactory {
        @Singleton
        @Replaces(bean = Clock.class, factory = CoreFactory.class)
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
