package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Monday summary lists the 预计逾期 pairs among 黄 (the front-loaded example of core.alert.Forecast). */
class WeeklyForecastTest {

    @Test
    void aPairProjectedLateIsListedAndCountedYellow() {
        Plan plan = PlanBuilder.plan().issuedOn(LocalDate.of(2026, 6, 22)).tasks(
                TaskBuilder.task("1.1").units("ganyu", "donghai").deadline(LocalDate.of(2026, 12, 31)).build()).build();
        InMemoryProgressRepository progress = new InMemoryProgressRepository();
        for (String[] r : new String[][] {{"ganyu", "40", "2026-07-01"}, {"ganyu", "50", "2026-08-01"},
                {"ganyu", "60", "2026-09-01"}, {"donghai", "30", "2026-07-01"}, {"donghai", "45", "2026-08-01"},
                {"donghai", "60", "2026-09-01"}}) {
            progress.record(SubmissionBuilder.submission("1.1", r[0]).key(r[0] + "-" + r[2])
                    .status(ProgressStatus.IN_PROGRESS, Integer.parseInt(r[1])).on(LocalDate.parse(r[2])).build());
        }
        ReportWeek week = ReportWeek.containing(LocalDate.of(2026, 9, 2));
        List<TaskUnitState> states = progress.allStates(2026);
        var evaluation = new AlertEvaluator().evaluate(plan, states, week.sunday(),
                AlertSettings.defaults().withQuietDays(false), WorkCalendar.fromClasspath());
        WeeklySummary summary = new WeeklySummaryBuilder().build(plan, week, states, List.of(), null, evaluation);

        assertThat(summary.projectedLate()).singleElement().satisfies(item -> {
            assertThat(item.unitId()).isEqualTo("ganyu");
            assertThat(item.reasons()).containsExactly("按当前进度预计1月3日完成，晚于时限3天");
        });
        assertThat(summary.redItems()).isEmpty();
        assertThat(summary.headline().yellow()).isEqualTo(1);
    }
}
