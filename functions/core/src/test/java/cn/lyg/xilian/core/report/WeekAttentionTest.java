package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What needs attention ({@link WeekAttention}); worked out by hand from {@link WeekFixture}. */
class WeekAttentionTest {

    private final Week week = WeekFixture.week(WeekFixture.baseline());

    @Test
    void missingReportListsOpenTasksWithoutAReportThisWeek() {
        // ganyu and edu reported everything; guanyun's tasks are done; donghai reported nothing
        assertThat(WeekAttention.missingReports(week)).hasSize(1);
        assertThat(WeekAttention.missingReports(week).getFirst().unitName()).isEqualTo("东海县");
        assertThat(WeekAttention.missingReports(week).getFirst().tasks()).extracting(Lines.TaskRef::taskId)
                .containsExactly("1.1", "3.1.2");
    }

    @Test
    void redItemsWithTheirReasons() {
        assertThat(WeekAttention.redItems(week)).extracting(r -> r.taskId() + "/" + r.unitId())
                .containsExactly("3.1.1/ganyu", "3.1.2/donghai");
        assertThat(WeekAttention.redItems(week).get(0).reasons()).anyMatch(r -> r.contains("受阻") && r.contains("资金未到位"));
        assertThat(WeekAttention.redItems(week).get(1).reasons()).anyMatch(r -> r.startsWith("已逾期7天"));
    }

    @Test
    void deadlinesInTheNext30Days() {
        assertThat(WeekAttention.upcoming(week, p -> true)).extracting(UpcomingDeadline::taskId, UpcomingDeadline::due,
                        UpcomingDeadline::what, UpcomingDeadline::daysLeft, UpcomingDeadline::openUnits)
                .containsExactly(
                        tuple("3.1.1", LocalDate.of(2026, 12, 1), "节点：签约", 9L, List.of("赣榆区")),
                        tuple("3.1.1", LocalDate.of(2026, 12, 10), "完成时限", 18L, List.of("赣榆区")));
    }

}
