package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.calendar.WorkCalendar;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cn.lyg.xilian.core.alert.Fixtures.DONGHAI;
import static cn.lyg.xilian.core.alert.Fixtures.GANYU;
import static cn.lyg.xilian.core.alert.Fixtures.plan;
import static cn.lyg.xilian.core.alert.Fixtures.reported;
import static cn.lyg.xilian.core.alert.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The alert rules with an approved extension (延期) and a report sent back (退回). */
class SupervisedDeadlineTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    private static final LocalDate EXTENDED = LocalDate.of(2027, 1, 31);

    private final AlertEvaluator evaluator = new AlertEvaluator();
    private final AlertSettings settings = AlertSettings.defaults().withQuietDays(false);
    private final WorkCalendar calendar = WorkCalendar.fromClasspath();
    private final Plan plan = plan(LocalDate.of(2026, 3, 2), task("1.1", DEADLINE, GANYU, DONGHAI));

    private TaskUnitState onTrack(String unit, LocalDate asOf, LocalDate extendedTo) {
        TaskUnitState s = reported("1.1", unit, ProgressStatus.IN_PROGRESS, 100, asOf.minusDays(1));
        return new TaskUnitState(s.planYear(), s.taskId(), s.unitId(), s.latest(), 1, null, extendedTo);
    }

    private Evaluation asOf(LocalDate day, LocalDate ganyuExtendedTo) {
        return evaluator.evaluate(plan, List.of(onTrack(GANYU, day, ganyuExtendedTo), onTrack(DONGHAI, day, null)),
                day, settings, calendar);
    }

    private static List<String> occurrences(Evaluation e, String unit) {
        return e.due().stream().filter(f -> f.unitId().equals(unit)).map(Finding::occurrence).toList();
    }

    private static Assessment assessment(Evaluation e, String unit) {
        return e.assessments().stream().filter(a -> a.unitId().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void beforeTheApprovalThePlanDateRulesAfterItTheApprovedDateWithItsOwnOccurrences() {
        LocalDate weekBefore = DEADLINE.minusDays(7);
        assertThat(occurrences(asOf(weekBefore, null), GANYU)).containsExactly("lead-7");
        // Approved: the old date's reminders stop; the other unit of the task keeps the plan's date.
        assertThat(occurrences(asOf(weekBefore, EXTENDED), GANYU)).isEmpty();
        assertThat(occurrences(asOf(weekBefore, EXTENDED), DONGHAI)).containsExactly("lead-7");

        LocalDate dayAfter = DEADLINE.plusDays(1);
        assertThat(assessment(asOf(dayAfter, null), GANYU).light()).isEqualTo(Light.RED);
        assertThat(occurrences(asOf(dayAfter, null), GANYU)).containsExactly("overdue-1");
        assertThat(assessment(asOf(dayAfter, EXTENDED), GANYU).light()).isEqualTo(Light.YELLOW); // 距延期截止还有30天
        assertThat(assessment(asOf(dayAfter, EXTENDED), GANYU).summary()).contains("距延期截止还有30天");

        // The new date's reminders are new occurrences, so they are raised although lead-7 was sent before.
        assertThat(occurrences(asOf(EXTENDED.minusDays(7), EXTENDED), GANYU))
                .containsExactly("extended-" + EXTENDED + "-lead-7");
        assertThat(occurrences(asOf(EXTENDED.plusDays(1), EXTENDED), GANYU))
                .containsExactly("extended-" + EXTENDED + "-overdue-1");
    }

    @Test
    void aReturnedReportCountsDuringTheGracePeriodAndIsUnreportedAfter() {
        LocalDate returnedOn = LocalDate.of(2026, 6, 10);
        TaskUnitState reported = reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 50, returnedOn.minusDays(1));
        Review back = new Review(reported.planYear(), "1.1", GANYU, reported.latest().idempotencyKey(),
                ReviewDecision.RETURNED, "数据有误", "review-0001",
                returnedOn.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        TaskUnitState returned = new TaskUnitState(reported.planYear(), "1.1", GANYU, reported.latest(), 1, back, null);

        LocalDate lastGraceDay = returnedOn.plusDays(settings.returnedGraceDays() - 1);
        assertThat(evaluate(returned, lastGraceDay).reasons()).noneMatch(r -> r.rule() == Rule.UNREPORTED);

        LocalDate afterGrace = returnedOn.plusDays(settings.returnedGraceDays());
        Assessment after = evaluate(returned, afterGrace);
        assertThat(after.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo(Rule.UNREPORTED);
            assertThat(r.text()).contains("退回").contains("数据有误");
        });
        Evaluation e = evaluator.evaluate(plan, List.of(returned), afterGrace, settings, calendar);
        assertThat(occurrences(e, GANYU)).contains("returned-" + back.submissionKey());

        // An accepted report is ordinary progress.
        TaskUnitState accepted = new TaskUnitState(reported.planYear(), "1.1", GANYU, reported.latest(), 1,
                new Review(back.planYear(), "1.1", GANYU, back.submissionKey(), ReviewDecision.ACCEPTED, null,
                        "review-0002", back.reviewedAt()), null);
        assertThat(evaluate(accepted, afterGrace).reasons()).noneMatch(r -> r.rule() == Rule.UNREPORTED);
    }

    private Assessment evaluate(TaskUnitState state, LocalDate day) {
        return assessment(evaluator.evaluate(plan, List.of(state), day, settings, calendar), GANYU);
    }
}
