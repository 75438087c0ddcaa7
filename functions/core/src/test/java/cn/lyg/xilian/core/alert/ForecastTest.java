package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.ProgressTrail;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.core.alert.Fixtures.DONGHAI;
import static cn.lyg.xilian.core.alert.Fixtures.GANYU;
import static cn.lyg.xilian.core.alert.Fixtures.plan;
import static cn.lyg.xilian.core.alert.Fixtures.submission;
import static cn.lyg.xilian.core.alert.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

/** 预测预警: the worked examples of {@link Forecast} and how the alert rules use it. */
class ForecastTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 6, 22);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    private final AlertSettings settings = AlertSettings.defaults().withQuietDays(false);
    private final WorkCalendar calendar = WorkCalendar.fromClasspath();

    private static ProgressTrail.Point p(String date, int percent) {
        return new ProgressTrail.Point(LocalDate.parse(date), percent);
    }

    @Test
    void aSteadyTenPointsAWeekReachesHundredOnTheThirdOfNovember() {
        Forecast f = Forecast.fit(List.of(p("2026-09-01", 10), p("2026-09-08", 20), p("2026-09-15", 30)));
        assertThat(f.kind()).isEqualTo(Forecast.Kind.PROJECTED);
        assertThat(f.projected()).isEqualTo(LocalDate.of(2026, 11, 3)); // 09-08 + (100 − 20) / (10/7) = 56 days
        assertThat(f.daysLate(LocalDate.of(2026, 10, 31))).isEqualTo(3);
        assertThat(f.lateReason(LocalDate.of(2026, 10, 31))).isEqualTo("按当前进度预计11月3日完成，晚于时限3天");
        assertThat(f.daysLate(LocalDate.of(2026, 11, 3))).isZero();
    }

    @Test
    void aFlatOrFallingLineHasNoDateAndTwoDatesAreTooFew() {
        assertThat(Forecast.fit(List.of(p("2026-09-01", 40), p("2026-09-08", 40), p("2026-09-15", 40))).kind())
                .isEqualTo(Forecast.Kind.NO_PROGRESS);
        assertThat(Forecast.fit(List.of(p("2026-09-01", 50), p("2026-09-08", 45), p("2026-09-15", 40))).kind())
                .isEqualTo(Forecast.Kind.NO_PROGRESS);
        Forecast two = Forecast.fit(List.of(p("2026-09-01", 10), p("2026-09-15", 30)));
        assertThat(two.kind()).isEqualTo(Forecast.Kind.TOO_FEW);
        assertThat(two.daysLate(DEADLINE)).isZero();
    }

    @Test
    void aProjectionIsNeverBeforeTheLatestReport() {
        // The line of 10, 90, 60 reaches 100 % before 09-15, yet the pair is not done then.
        Forecast f = Forecast.fit(List.of(p("2026-09-01", 10), p("2026-09-08", 90), p("2026-09-15", 60)));
        assertThat(f.projected()).isAfterOrEqualTo(LocalDate.of(2026, 9, 15));
    }

    @Test
    void theTrailKeepsTheDaysLatestReportAndTheLastSixDates() {
        Submission morning = SubmissionBuilder.submission("1.1", GANYU).key("k-morning").status(ProgressStatus.IN_PROGRESS, 10)
                .at(java.time.LocalDateTime.parse("2026-09-01T09:00")).build();
        Submission evening = SubmissionBuilder.submission("1.1", GANYU).key("k-evening").status(ProgressStatus.IN_PROGRESS, 15)
                .at(java.time.LocalDateTime.parse("2026-09-01T20:00")).build();
        assertThat(ProgressTrail.of(List.of(evening, morning)).points()).containsExactly(p("2026-09-01", 15));

        List<Submission> weekly = new java.util.ArrayList<>();
        for (int week = 0; week < 8; week++) {
            weekly.add(submission("1.1", GANYU, ProgressStatus.IN_PROGRESS, 10 * week, Map.of(),
                    LocalDate.of(2026, 8, 3).plusWeeks(week)));
        }
        ProgressTrail trail = ProgressTrail.of(weekly);
        assertThat(trail.points()).hasSize(ProgressTrail.WINDOW);
        assertThat(trail.points().get(0)).isEqualTo(p("2026-08-17", 20));
    }

    @Test
    void aFinishedPairIsNotProjected() {
        InMemoryProgressRepository progress = new InMemoryProgressRepository();
        record(progress, GANYU, 10, "2026-09-01");
        record(progress, GANYU, 20, "2026-09-08");
        progress.record(submission("1.1", GANYU, ProgressStatus.DONE, 60, Map.of(), LocalDate.parse("2026-09-15")));
        assertThat(Forecast.of(state(progress, GANYU)).kind()).isEqualTo(Forecast.Kind.FINISHED);
    }

    /**
     * The front-loaded example of the README: 40 % on 07-01, 50 % on 08-01, 60 % on 09-01. On 09-02 the pro-rata
     * expectation is 37.5 %, so no time-based rule fires, but the line (10 points a month) reaches 100 % on
     * 2027-01-03, three days after the 12-31 deadline: yellow, and one alert per deadline.
     */
    @Test
    void aPairProjectedLateTurnsYellowBeforeTheTimeBasedRulesAndAlertsOncePerDeadline() {
        Plan plan = plan(ISSUED, task("1.1", DEADLINE, GANYU, DONGHAI));
        InMemoryProgressRepository progress = new InMemoryProgressRepository();
        record(progress, GANYU, 40, "2026-07-01");
        record(progress, GANYU, 50, "2026-08-01");
        record(progress, GANYU, 60, "2026-09-01");
        record(progress, DONGHAI, 30, "2026-07-01");
        record(progress, DONGHAI, 45, "2026-08-01");
        record(progress, DONGHAI, 60, "2026-09-01"); // 15 points a month: 2026-11-23, on time

        Evaluation e = new AlertEvaluator().evaluate(plan, progress.allStates(2026), LocalDate.of(2026, 9, 2),
                settings, calendar);
        Assessment ganyu = e.assessmentsByPair().of("1.1", GANYU);
        assertThat(ganyu.light()).isEqualTo(Light.YELLOW);
        assertThat(ganyu.reasons()).extracting(Reason::rule).containsExactly(Rule.PROJECTED_LATE);
        assertThat(ganyu.summary()).isEqualTo("按当前进度预计1月3日完成，晚于时限3天");
        assertThat(e.assessmentsByPair().of("1.1", DONGHAI).light()).isEqualTo(Light.GREEN);
        assertThat(e.due()).extracting(Finding::key).containsExactly("2026|1.1|ganyu|PROJECTED_LATE|projected-late-2026-12-31");

        Evaluation nextDay = new AlertEvaluator().evaluate(plan, progress.allStates(2026), LocalDate.of(2026, 9, 3),
                settings, calendar);
        assertThat(nextDay.due()).extracting(Finding::key).as("the same key: the alert store sends it once")
                .containsExactly("2026|1.1|ganyu|PROJECTED_LATE|projected-late-2026-12-31");

        progress.extend(2026, "1.1", GANYU, LocalDate.of(2027, 1, 10));
        assertThat(new AlertEvaluator().evaluate(plan, progress.allStates(2026), LocalDate.of(2026, 9, 3), settings,
                calendar).assessmentsByPair().of("1.1", GANYU).light()).as("the approved extension is the deadline")
                .isEqualTo(Light.GREEN);
    }

    @Test
    void theTimeBasedRulesKeepPrecedence() {
        Plan plan = plan(ISSUED, task("1.1", DEADLINE, GANYU));
        InMemoryProgressRepository progress = new InMemoryProgressRepository();
        record(progress, GANYU, 5, "2026-09-01");
        record(progress, GANYU, 10, "2026-09-08");
        record(progress, GANYU, 15, "2026-09-15"); // far behind pro-rata: 滞后 says it, not the forecast
        Assessment a = new AlertEvaluator().evaluate(plan, progress.allStates(2026), LocalDate.of(2026, 9, 16),
                settings, calendar).assessmentsByPair().of("1.1", GANYU);
        assertThat(a.reasons()).extracting(Reason::rule).containsExactly(Rule.BEHIND);
    }

    private static void record(InMemoryProgressRepository progress, String unit, int percent, String on) {
        progress.record(submission("1.1", unit, ProgressStatus.IN_PROGRESS, percent, Map.of(), LocalDate.parse(on)));
    }

    private static TaskUnitState state(InMemoryProgressRepository progress, String unit) {
        return progress.allStates(2026).stream().filter(s -> s.unitId().equals(unit)).findFirst().orElseThrow();
    }
}
