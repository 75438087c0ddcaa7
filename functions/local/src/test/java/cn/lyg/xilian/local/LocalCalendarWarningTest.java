package cn.lyg.xilian.local;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.HolidayNotice;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.wiring.CoreFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/bin/local's start-up output while the next year's holiday calendar is missing, and once it is loaded. */
@ExtendWith(DynaliteExtension.class)
class LocalCalendarWarningTest {

    private static final Path ROOT = Path.of(System.getProperty("xilian.root", "../..")).toAbsolutePath().normalize();

    @Test
    void theStartUpOutputWarnsUntilTheNoticeIsLoaded(Dynalite dynalite, @TempDir Path data) throws Exception {
        String table = Dynalite.uniqueTableName("local-calendar");
        Map<String, Object> properties = Map.of("micronaut.server.port", -1,
                "xilian.dynamodb.endpoint", dynalite.endpoint().toString(), "xilian.dynamodb.table", table,
                "xilian.local.data-dir", data.toString(),
                "xilian.local.catalog", ROOT.resolve("infra/plans/plan-2026.json").toString(),
                "aws.region", "cn-north-1", "test.today", "2026-11-20");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger bootstrap = (Logger) LoggerFactory.getLogger(LocalBootstrap.class);
        bootstrap.addAppender(log);
        try {
            try (ApplicationContext first = ApplicationContext.run(properties, LocalApplication.ENVIRONMENT)) {
                assertThat(warnings(log)).singleElement().satisfies(w -> assertThat(w)
                        .contains("the 2027 holiday calendar", "infra/bin/load-calendar"));
                first.getBean(CalendarRepository.class).save(HolidayNotice.parse(Files.readString(
                        ROOT.resolve("functions/core/src/test/resources/calendars/2027-notice-fictional.txt")), "2027.txt")
                        .calendar().orElseThrow(), Instant.parse("2026-11-20T02:00:00Z"));
            }
            log.list.clear();
            try (ApplicationContext restarted = ApplicationContext.run(properties, LocalApplication.ENVIRONMENT)) {
                assertThat(log.list).as("started").isNotEmpty();
                assertThat(warnings(log)).isEmpty();
            }
        } finally {
            bootstrap.detachAppender(log);
        }
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> log) {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("holiday calendar")).toList();
    }

    /** With {@code test.today} the local run's "now" is 10:00 of that day in Asia/Shanghai. */
    @Factory
    @Requires(property = "test.today")
    static class FixedClock {
        @Singleton
        @Replaces(bean = Clock.class, factory = CoreFactory.class)
        Clock clock(@Value("${test.today}") String today) {
            return Clock.fixed(LocalDate.parse(today).atTime(LocalTime.of(10, 0)).atZone(PlanTime.ZONE).toInstant(),
                    ZoneOffset.UTC);
        }
    }
}
