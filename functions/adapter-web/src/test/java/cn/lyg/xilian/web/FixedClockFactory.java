package cn.lyg.xilian.web;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.wiring.CoreFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** With {@code test.today=2026-08-05} the application's "now" is 10:00 of that day in Asia/Shanghai. */
@Factory
@Requires(property = "test.today")
class FixedClockFactory {

    @Singleton
    @Replaces(bean = Clock.class, factory = CoreFactory.class)
    Clock fixedClock(@Value("${test.today}") String today) {
        return Clock.fixed(LocalDate.parse(today).atTime(LocalTime.of(10, 0)).atZone(PlanTime.ZONE).toInstant(),
                ZoneOffset.UTC);
    }
}
