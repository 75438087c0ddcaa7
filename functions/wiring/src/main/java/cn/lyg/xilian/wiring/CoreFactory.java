package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.CalendarSource;
import cn.lyg.xilian.core.calendar.HolidayCalendars;
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

    /**
     * Each year's calendar from the table (infra/bin/load-calendar), else the 2026 seed shipped in core, else the
     * statutory holidays by rule; read afresh per invocation, so a warm function sees a calendar loaded since.
     */
    @Singleton
    CalendarSource calendars(CalendarRepository stored) {
        return new HolidayCalendars(stored);
    }

    /** Credentials: checked by the API, issued by the jobs too (a sign-in link asked for by email). */
    @Singleton
    cn.lyg.xilian.core.access.Credentials credentials(cn.lyg.xilian.core.access.CredentialRepository repository,
                                                      Clock clock, PlanSettings plan,
                                                      jakarta.inject.Provider<LoadedYears> years) {
        // the default expiry follows the newest open year (credentials span years), read when one is issued
        return new cn.lyg.xilian.core.access.Credentials(repository, clock, () -> {
            LoadedYears loaded = years.get();
            return loaded.read().newestOpen(loaded.today()).orElse(plan.getYear());
        });
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
    AlertRules alertRules(AlertEvaluator evaluator, AlertSettings settings, CalendarSource calendars) {
        return new AlertRules(evaluator, settings, calendars);
    }
}
