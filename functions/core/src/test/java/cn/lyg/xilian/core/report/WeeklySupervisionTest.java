package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.core.report.WeekFixture.DONGHAI;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static cn.lyg.xilian.core.report.WeekFixture.W47;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What supervision adds to the weekly mails: unreviewed reports (coordinators), instructions (unit digests). */
class WeeklySupervisionTest {

    @Test
    void reportsUnreviewedForNWorkingDaysAreListedOldestFirstAndInstructionsReachTheirUnit() {
        Plan plan = WeekFixture.plan();
        List<TaskUnitState> states = new ArrayList<>();
        for (TaskUnitState s : WeekFixture.states()) {
            // 1.1/donghai (reported 11-02) was accepted: reviewed reports are not listed however old.
            states.add(s.unitId().equals(DONGHAI) && s.taskId().equals("1.1") ? new TaskUnitState(s.planYear(),
                    s.taskId(), s.unitId(), s.latest(), 1, new Review(2026, "1.1", DONGHAI, s.latest().idempotencyKey(),
                    ReviewDecision.ACCEPTED, null, "review-0001", Instant.parse("2026-11-03T01:00:00Z")), null) : s);
        }
        var instruction = new Lines.InstructionLine("1.1", "召开联席会议", "请于月底前报送会议纪要", LocalDate.of(2026, 11, 18));
        WeeklySummary summary = new WeeklySummaryBuilder().build(plan, W47, states, WeekFixture.weekSubmissions(),
                WeekFixture.baseline(), WeekFixture.evaluation(plan, states),
                new WeeklySummaryBuilder.Supervision(WorkCalendar.fromClasspath(), 3, Map.of(GANYU, List.of(instruction)),
                        java.util.Set.of(WeeklySummaryBuilder.Supervision.reportKey("3.3.1", "city-edu",
                                WeekFixture.weekSubmissions().get(3).idempotencyKey()))));

        // As of Sunday 11-22: 1.1/ganyu of Tuesday 11-17 has waited Wed–Fri (3 working days); Thursday's 3.1.1 and
        // Friday's reports have not; 3.3.2/guanyun of 06-28 has waited long.
        assertThat(summary.unreviewed()).extracting(Lines.UnreviewedReport::taskId, Lines.UnreviewedReport::unitName,
                        Lines.UnreviewedReport::submittedOn)
                .containsExactly(tuple("3.3.2", "灌云县", LocalDate.of(2026, 6, 28)),
                        tuple("1.1", "赣榆区", LocalDate.of(2026, 11, 17)));
        assertThat(summary.unreviewed().get(1).workingDays()).isEqualTo(3);
        assertThat(summary.digestOf(GANYU).orElseThrow().instructions()).containsExactly(instruction);
        assertThat(summary.digestOf(DONGHAI).orElseThrow().instructions()).isEmpty();

        // The week's reports without evidence: all but 3.3.1/city-edu's (the 11-15 report belongs to the week before).
        assertThat(summary.withoutEvidence()).extracting(l -> l.taskId() + "/" + l.unitId() + "@" + l.submittedOn())
                .containsExactly("3.1.1/ganyu@2026-11-16", "1.1/ganyu@2026-11-17", "3.1.2/guanyun@2026-11-18",
                        "3.1.1/ganyu@2026-11-20");

        // A unit's digest gives its own (extended) deadline.
        List<TaskUnitState> extended = new ArrayList<>();
        for (TaskUnitState s : states) {
            extended.add(s.unitId().equals(GANYU) && s.taskId().equals("1.1") ? new TaskUnitState(s.planYear(), s.taskId(),
                    s.unitId(), s.latest(), 1, null, LocalDate.of(2027, 3, 31)) : s);
        }
        WeeklySummary withExtension = new WeeklySummaryBuilder().build(plan, W47, extended, WeekFixture.weekSubmissions(),
                WeekFixture.baseline(), WeekFixture.evaluation(plan, extended));
        assertThat(withExtension.digestOf(GANYU).orElseThrow().pairs()).filteredOn(l -> l.taskId().equals("1.1"))
                .extracting(Lines.PairStatusLine::deadline).containsExactly(LocalDate.of(2027, 3, 31));
        assertThat(withExtension.digestOf(DONGHAI).orElseThrow().pairs()).filteredOn(l -> l.taskId().equals("1.1"))
                .extracting(Lines.PairStatusLine::deadline).containsExactly(LocalDate.of(2026, 12, 31));

        // Without supervision input nothing is listed (the existing summary is unchanged).
        assertThat(WeekFixture.summary(WeekFixture.baseline()).unreviewed()).isEmpty();
        assertThat(WeekFixture.summary(WeekFixture.baseline()).withoutEvidence()).isEmpty();
    }
}
