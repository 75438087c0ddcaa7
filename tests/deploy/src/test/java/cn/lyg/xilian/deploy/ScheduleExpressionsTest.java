package cn.lyg.xilian.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator used by TemplateTest rejects what AWS rejects (so the template check can fail). */
class ScheduleExpressionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"cron(30 8 * * ? *)", "cron(0 9 ? * MON *)", "cron(0/15 8-18 ? * MON-FRI *)",
            "cron(0 9 L * ? 2026)", "cron(0 9 ? * 2#1 *)", "rate(1 day)", "rate(5 minutes)", "at(2026-12-01T09:00:00)"})
    void valid(String expression) {
        assertThat(ScheduleExpressions.problem(expression)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(30 8 * * *)", "cron(30 8 * * * *)", "cron(30 8 ? * ? *)", "cron(60 8 * * ? *)",
            "cron(0 24 * * ? *)", "cron(0 9 ? * MONDAY *)", "rate(1 days)", "rate(2 day)", "rate(0 minutes)",
            "every day", "at(2026-13-01T09:00:00)"})
    void invalid(String expression) {
        assertThat(ScheduleExpressions.problem(expression)).isPresent();
    }
}
