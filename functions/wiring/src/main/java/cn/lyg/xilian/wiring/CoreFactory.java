package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Beans every function shares, defined once so that a context holding several adapters (the local run holds
 * them all) has exactly one of each. Tests replace the clock to control "now".
 */
@Factory
public class CoreFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC(); // dates are derived in Asia/Shanghai where they are needed
    }

    @Singleton
    WorkCalendar workCalendar() {
        return WorkCalendar.fromClasspath(); // calendars/cn-<year>.csv, shipped in core
    }

    @Singleton
    AlertSettings alertSettings(AlertProperties properties) {
        return properties.toSettings();
    }

    @Singleton
    AlertEvaluator alertEvaluator() {
        return new AlertEvaluator();
    }

    @Singleton
    AlertRules alertRules(AlertEvaluator evaluator, AlertSettings settings, WorkCalendar calendar) {
        return new AlertRules(evaluator, settings, calendar);
    }
}
