package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.calendar.WorkCalendar;

import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.core.alert.Fixtures.DONGHAI;
import static cn.lyg.xilian.core.alert.Fixtures.GANYU;
import static cn.lyg.xilian.core.alert.Fixtures.neverReported;
import static cn.lyg.xilian.core.alert.Fixtures.plan;
import static cn.lyg.xilian.core.alert.Fixtures.reported;
import static cn.lyg.xilian.core.alert.Fixtures.submission;
import static cn.lyg.xilian.core.alert.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

class AlertEvaluatorTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    /** A Thursday; quiet days are off in the date-boundary tests, so weekday does not matter there. */
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);

    private final AlertEvaluator evaluator = new AlertEvaluator();
    private final AlertSettings noQuietDays = AlertSettings.defaults().withQuietDays(false);
    private final WorkCalendar calendar = WorkCalendar.fromClasspath();

    private final Plan plan = plan(ISSUED, task("1.1", DEADLINE, GANYU, DONGHAI));

    /** Both units reported on track yesterday, so only the date rules can fire. */
    private Evaluation onTrack(LocalDate asOf, AlertSettings settings) {
        return evaluator.evaluate(plan, List.of(
                reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 100, asOf.minusDays(1)),
                reported("1.1", DONGHAI, ProgressStatus.IN_PROGRESS, 100, asOf.minusDays(1))), asOf, settings, calendar);
    }

    private static List<String> occurrences(Evaluation e, String unitId) {
        return e.due().stream().filter(f -> f.unitId().equals(unitId)).map(Finding::occurrence).toList();
    }

    private static Assessment assessment(Evaluation e, String taskId, String unitId) {
        return e.assessments().stream().filter(a -> a.taskId().equals(taskId) && a.unitId().equals(unitId))
                .findFirst().orElseThrow();
    }

    @Nested
    class DeadlineBoundaries {

        @ParameterizedTest
        @ValueSource(ints = {30, 14, 7, 3, 1})
        void aLeadReminderFiresExactlyNDaysBefore(int n) {
            Evaluation e = onTrack(DEADLINE.minusDays(n), noQuietDays);
            assertThat(occurrences(e, GANYU)).containsExactly("lead-" + n);
            assertThat(e.due()).first().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(Rule.APPROACHING);
                assertThat(f.light()).isEqualTo(Light.YELLOW);
                assertThat(f.reason()).isEqualTo("距截止还有" + n + "天，进度100%");
            });
            assertThat(onTrack(DEADLINE.minusDays(n + 1), noQuietDays).due()).as("the day before").isEmpty();
        }

        @Test
        void approachingHoldsThroughoutTheLeadWindowOnly() {
            assertThat(assessment(onTrack(DEADLINE.minusDays(31), noQuietDays), "1.1", GANYU).light()).isEqualTo(Light.GREEN);
            Evaluation inside = onTrack(DEADLINE.minusDays(20), noQuietDays);
            assertThat(assessment(inside, "1.1", GANYU).light()).isEqualTo(Light.YELLOW);
            assertThat(inside.due()).as("no reminder between lead times").isEmpty();
        }

        @Test
        void onTheDeadlineDayItIsApproachingNotOverdue() {
            Evaluation e = onTrack(DEADLINE, noQuietDays);
            Assessment a = assessment(e, "1.1", GANYU);
            assertThat(a.light()).isEqualTo(Light.YELLOW);
            assertThat(a.summary()).isEqualTo("今天截止，进度100%");
            assertThat(e.due()).isEmpty();
        }

        @Test
        void theDayAfterTheDeadlineItIsOverdueAndRepeatsWeekly() {
            Evaluation dayAfter = onTrack(DEADLINE.plusDays(1), noQuietDays);
            assertThat(assessment(dayAfter, "1.1", GANYU).light()).isEqualTo(Light.RED);
            assertThat(assessment(dayAfter, "1.1", GANYU).summary()).isEqualTo("已逾期1天，进度100%");
            assertThat(occurrences(dayAfter, GANYU)).containsExactly("overdue-1");

            assertThat(onTrack(DEADLINE.plusDays(2), noQuietDays).due()).isEmpty();
            assertThat(onTrack(DEADLINE.plusDays(7), noQuietDays).due()).isEmpty();
            assertThat(occurrences(onTrack(DEADLINE.plusDays(8), noQuietDays), GANYU)).containsExactly("overdue-2");
            assertThat(occurrences(onTrack(DEADLINE.plusDays(15), noQuietDays), GANYU)).containsExactly("overdue-3");
        }

        @Test
        void aDoneUnitIsGreenAndSilentEvenWhenOverdue() {
            LocalDate asOf = DEADLINE.plusDays(1);
            Evaluation e = evaluator.evaluate(plan, List.of(
                    reported("1.1", GANYU, ProgressStatus.DONE, 100, ISSUED.plusDays(3)),
                    reported("1.1", DONGHAI, ProgressStatus.IN_PROGRESS, 90, asOf.minusDays(1))), asOf, noQuietDays, calendar);
            assertThat(assessment(e, "1.1", GANYU).light()).isEqualTo(Light.GREEN);
            assertThat(assessment(e, "1.1", GANYU).reasons()).isEmpty();
            assertThat(occurrences(e, GANYU)).isEmpty();
            assertThat(e.taskLights()).containsEntry("1.1", Light.RED);
        }

        @Test
        void milestonesHaveTheirOwnRemindersAndKeys() {
            LocalDate signing = LocalDate.of(2026, 6, 30);
            Plan withMilestone = plan(ISSUED, task("1.1", DEADLINE, List.of(new Milestone(signing, "签约")), List.of(), GANYU));
            Evaluation before = evaluator.evaluate(withMilestone,
                    List.of(reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 100, signing.minusDays(4))),
                    signing.minusDays(3), noQuietDays, calendar);
            assertThat(occurrences(before, GANYU)).containsExactly("milestone-2026-06-30-lead-3");
            assertThat(before.due().getFirst().reason()).isEqualTo("距节点“签约”（6月30日）还有3天，进度100%");

            Evaluation after = evaluator.evaluate(withMilestone,
                    List.of(reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 100, signing)),
                    signing.plusDays(1), noQuietDays, calendar);
            assertThat(occurrences(after, GANYU)).containsExactly("milestone-2026-06-30-overdue-1");
            assertThat(assessment(after, "1.1", GANYU).light()).isEqualTo(Light.RED);
        }

        @Test
        void aTasksLightIsTheWorstOfItsUnits() {
            LocalDate asOf = DEADLINE.minusDays(5);
            Evaluation e = evaluator.evaluate(plan, List.of(
                    reported("1.1", GANYU, ProgressStatus.DONE, 100, asOf.minusDays(1)),
                    reported("1.1", DONGHAI, ProgressStatus.IN_PROGRESS, 100, asOf.minusDays(1))), asOf, noQuietDays, calendar);
            assertThat(e.taskLights()).containsEntry("1.1", Light.YELLOW);
        }
    }

    @Nested
    class ProRata {
        /** 100 days from issue to deadline: day 50 expects 50%. */
        private final LocalDate issued = LocalDate.of(2026, 1, 1);
        private final LocalDate deadline = issued.plusDays(100);
        private final LocalDate halfway = issued.plusDays(50);
        private final Target signings = new Target("t1", null, "签约落地超亿元项目", new BigDecimal("8"), "个", "不少于8个");
        private final Plan withTarget = plan(issued, task("2.1", deadline, List.of(), List.of(signings), GANYU));

        private Assessment assess(Submission latest, LocalDate asOf) {
            return assessment(evaluator.evaluate(withTarget, List.of(reported(latest)), asOf, noQuietDays, calendar), "2.1", GANYU);
        }

        private Submission reporting(int percent, String signed) {
            Map<String, BigDecimal> figures = signed == null ? Map.of() : Map.of("t1", new BigDecimal(signed));
            return submission("2.1", GANYU, ProgressStatus.IN_PROGRESS, percent, figures, halfway.minusDays(1));
        }

        @Test
        void exactlyTheMarginBehindIsNotBehind() {
            assertThat(assess(reporting(40, "3.2"), halfway).light()).isEqualTo(Light.GREEN);
        }

        @Test
        void percentOnePointBeyondTheMarginIsBehind() {
            Assessment a = assess(reporting(39, "4"), halfway);
            assertThat(a.light()).isEqualTo(Light.YELLOW);
            assertThat(a.reasons()).extracting(Reason::rule).containsExactly(Rule.BEHIND);
            assertThat(a.summary()).isEqualTo("进度滞后：按期应达50%，实际39%");
        }

        @Test
        void aTargetBelowItsProRataShareIsBehind() {
            Assessment a = assess(reporting(50, "3"), halfway);
            assertThat(a.summary()).isEqualTo("进度滞后：签约落地超亿元项目按期应达4个（目标8个），实报3个");
        }

        @Test
        void aMissingFigureCountsAsZeroOnceTheUnitHasReported() {
            assertThat(assess(reporting(50, null), halfway).summary()).contains("实报0个");
        }

        @Test
        void aUnitThatNeverReportedIsUnreportedNotBehind() {
            Evaluation e = evaluator.evaluate(withTarget, List.of(neverReported("2.1", GANYU)), halfway, noQuietDays, calendar);
            assertThat(assessment(e, "2.1", GANYU).reasons()).extracting(Reason::rule).containsExactly(Rule.UNREPORTED);
            assertThat(assessment(e, "2.1", GANYU).summary()).isEqualTo("方案印发以来50天未填报");
        }

        @Test
        void behindTurnsRedWithinFourteenDaysOfTheDeadline() {
            Submission lagging = submission("2.1", GANYU, ProgressStatus.IN_PROGRESS, 50, Map.of("t1", BigDecimal.TEN),
                    deadline.minusDays(15));
            assertThat(assess(lagging, deadline.minusDays(15)).reasons())
                    .filteredOn(r -> r.rule() == Rule.BEHIND).extracting(Reason::light).containsExactly(Light.YELLOW);
            assertThat(assess(lagging, deadline.minusDays(14)).reasons())
                    .filteredOn(r -> r.rule() == Rule.BEHIND).extracting(Reason::light).containsExactly(Light.RED);
        }

        @Test
        void behindIsDueOncePerWeekKeyedByItsMonday() {
            Submission lagging = reporting(10, "8");
            LocalDate monday = LocalDate.of(2026, 2, 16);
            for (LocalDate day = monday; day.isBefore(monday.plusDays(7)); day = day.plusDays(1)) {
                Evaluation e = evaluator.evaluate(withTarget, List.of(reported(lagging)), day, noQuietDays, calendar);
                assertThat(occurrences(e, GANYU)).as(day.toString()).containsExactly("behind-2026-02-16");
            }
        }
    }

    @Nested
    class Unreported {
        private final LocalDate lastReport = LocalDate.of(2026, 11, 1);

        private List<String> dueOn(LocalDate asOf) {
            return occurrences(evaluator.evaluate(plan, List.of(
                    reported("1.1", GANYU, ProgressStatus.IN_PROGRESS, 100, lastReport)), asOf, noQuietDays, calendar), GANYU);
        }

        @Test
        void fourteenSilentDaysMakeAUnitUnreported() {
            assertThat(dueOn(lastReport.plusDays(13))).isEmpty();
            assertThat(dueOn(lastReport.plusDays(14))).containsExactly("unreported-since-2026-11-01-1");
            assertThat(dueOn(lastReport.plusDays(27))).containsExactly("unreported-since-2026-11-01-1");
            assertThat(dueOn(lastReport.plusDays(28))).contains("unreported-since-2026-11-01-2");
        }
    }

    @Nested
    class QuietDays {
        private final AlertSettings quiet = AlertSettings.defaults();

        private Evaluation run(LocalDate deadline, LocalDate asOf) {
            Plan p = plan(ISSUED, task("9.9", deadline, GANYU));
            return evaluator.evaluate(p, List.of(reported("9.9", GANYU, ProgressStatus.IN_PROGRESS, 100, asOf.minusDays(1))),
                    asOf, quiet, calendar);
        }

        @Test
        void nothingIsDueOnAHoliday() {
            LocalDate deadline = LocalDate.of(2026, 10, 8);
            for (int day = 1; day <= 7; day++) {
                Evaluation e = run(deadline, LocalDate.of(2026, 10, day));
                assertThat(e.sendingDay()).isFalse();
                assertThat(e.due()).isEmpty();
                assertThat(e.assessments().getFirst().light()).as("the light still shows").isEqualTo(Light.YELLOW);
            }
        }

        @Test
        void remindersSkippedOverNationalDayCollapseIntoTheMostUrgentOnTheNextWorkingDay() {
            // lead-7 (10-01), lead-3 (10-05) and lead-1 (10-07) all fall in the holiday → all move to 10-08.
            Evaluation e = run(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 8));
            assertThat(occurrences(e, GANYU)).containsExactly("lead-1");
            assertThat(e.due().getFirst().reason()).isEqualTo("今天截止，进度100%");
            // lead-14 (09-24, a Thursday) is untouched.
            assertThat(occurrences(run(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 9, 24)), GANYU)).containsExactly("lead-14");
        }

        @Test
        void aReminderDueOnAWeekendMovesToMondayKeepingItsKey() {
            LocalDate deadline = LocalDate.of(2026, 10, 24); // lead-7 is Saturday 10-17
            assertThat(run(deadline, LocalDate.of(2026, 10, 17)).due()).isEmpty();
            Evaluation monday = run(deadline, LocalDate.of(2026, 10, 19));
            assertThat(occurrences(monday, GANYU)).containsExactly("lead-7");
            assertThat(monday.due().getFirst().reason()).isEqualTo("距截止还有5天，进度100%");
        }

        @Test
        void makeUpWorkingDaysSend() {
            // Sunday 09-20 and Saturday 10-10 are 调休 working days.
            assertThat(occurrences(run(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 9, 20)), GANYU)).containsExactly("lead-7");
            assertThat(occurrences(run(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 10)), GANYU)).containsExactly("lead-3");
        }

        @Test
        void aLeadReminderThatWouldLandAfterItsDeadlineIsDropped() {
            // Deadline 10-03 is in the holiday: lead-1 (10-02) would move to 10-08, after it; 逾期 takes over.
            Evaluation e = run(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 8));
            assertThat(occurrences(e, GANYU)).containsExactly("overdue-1");
        }

        @Test
        void overduePeriodsSkippedByTheHolidaySendOnlyTheLatest() {
            // Deadline 09-30: overdue-1 (10-01) and overdue-2 (10-08) both go out on 10-08 as one.
            Evaluation e = run(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 8));
            assertThat(occurrences(e, GANYU)).containsExactly("overdue-2");
            assertThat(occurrences(run(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 15)), GANYU)).containsExactly("overdue-3");
        }
    }

    @Nested
    class EventDriven {
        @Test
        void aBlockedReportIsARedFindingKeyedBySubmission() {
            Submission blocked = SubmissionBuilder.submission("1.1", GANYU).key("k-42").status(ProgressStatus.BLOCKED, 30)
                    .progress("推进中").problems("土地指标未落实").at(LocalDate.of(2026, 11, 2).atStartOfDay()).build();
            Finding f = evaluator.evaluateSubmission(plan, blocked).orElseThrow();
            assertThat(f.rule()).isEqualTo(Rule.REPORTED_BLOCKED);
            assertThat(f.light()).isEqualTo(Light.RED);
            assertThat(f.occurrence()).isEqualTo("submission-k-42");
            assertThat(f.reason()).isEqualTo("单位上报受阻，进度30%：土地指标未落实");
            assertThat(f.foundOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        }

        @Test
        void aBehindReportIsYellowAndOtherStatusesAreSilent() {
            Submission behind = submission("1.1", GANYU, ProgressStatus.BEHIND, 20, Map.of(), LocalDate.of(2026, 11, 2));
            assertThat(evaluator.evaluateSubmission(plan, behind)).get().extracting(Finding::light).isEqualTo(Light.YELLOW);
            Submission fine = submission("1.1", GANYU, ProgressStatus.IN_PROGRESS, 20, Map.of(), LocalDate.of(2026, 11, 2));
            assertThat(evaluator.evaluateSubmission(plan, fine)).isEmpty();
        }

        @Test
        void theLatestReportedStatusColoursTheLight() {
            LocalDate asOf = LocalDate.of(2026, 6, 1);
            TaskUnitState blocked = reported("1.1", GANYU, ProgressStatus.BLOCKED, 60, asOf.minusDays(1));
            Evaluation e = evaluator.evaluate(plan, List.of(blocked), asOf, noQuietDays, calendar);
            assertThat(assessment(e, "1.1", GANYU).light()).isEqualTo(Light.RED);
            assertThat(occurrences(e, GANYU)).as("the event path alerted already").isEmpty();
        }
    }
}
