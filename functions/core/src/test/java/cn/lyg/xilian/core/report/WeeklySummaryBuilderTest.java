package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.Lines.CompletionGroup;
import cn.lyg.xilian.core.report.Lines.Headline;
import cn.lyg.xilian.core.report.Lines.StatusChange;
import cn.lyg.xilian.core.report.Lines.TargetProgress;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.core.progress.ProgressStatus.BLOCKED;
import static cn.lyg.xilian.core.progress.ProgressStatus.DONE;
import static cn.lyg.xilian.core.progress.ProgressStatus.IN_PROGRESS;
import static cn.lyg.xilian.core.progress.ProgressStatus.NOT_STARTED;
import static cn.lyg.xilian.core.report.WeekFixture.DONGHAI;
import static cn.lyg.xilian.core.report.WeekFixture.EDU;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static cn.lyg.xilian.core.report.WeekFixture.GUANYUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every expected number below is worked out by hand from {@link WeekFixture}. */
class WeeklySummaryBuilderTest {

    private final WeeklySummary summary = WeekFixture.summary(WeekFixture.baseline());

    @Test
    void headlineCountsTasks() {
        // 1.1 yellow (both units behind pro-rata 79.7 %, donghai silent 20 days); 3.1.1 red (受阻);
        // 3.1.2 red (donghai overdue); 3.3.1 yellow (behind); 3.3.2 green (done).
        // completed: 3.3.2; overdue: 3.1.2 (due 11-15); within 30 days of 11-22: 3.1.1 (12-10) only.
        assertThat(summary.asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(summary.headline()).isEqualTo(new Headline(5, 1, 2, 2, 1, 1, 1));
    }

    @Test
    void completionBySectionFieldAndUnit() {
        // pair percents: 1.1 ganyu 60, donghai 50; 3.1.1 ganyu 30; 3.1.2 donghai 0 (never), guanyun 100;
        // 3.3.1 edu 40; 3.3.2 guanyun 100 (done)
        assertThat(summary.bySection()).containsExactly(
                new CompletionGroup("1", "统筹开展两市帮扶合作", 2, 0, 55),
                new CompletionGroup("3.1", "深化产业领域帮扶合作", 3, 1, 43),
                new CompletionGroup("3.3", "深化教育领域帮扶合作", 2, 1, 70));
        assertThat(summary.byField()).extracting(CompletionGroup::label, CompletionGroup::pairs,
                        CompletionGroup::donePairs, CompletionGroup::averagePercent)
                .containsExactly(tuple("产业", 3, 1, 43), tuple("科技", 0, 0, 0), tuple("教育", 2, 1, 70),
                        tuple("医疗卫生", 0, 0, 0), tuple("文旅康养", 0, 0, 0), tuple("人力资源", 0, 0, 0));
        assertThat(summary.byUnit()).containsExactly(
                new CompletionGroup(GANYU, "赣榆区", 2, 0, 45),
                new CompletionGroup(DONGHAI, "东海县", 2, 0, 25),
                new CompletionGroup(GUANYUN, "灌云县", 2, 2, 100),
                new CompletionGroup(EDU, "市教育局", 1, 0, 40));
    }

    @Test
    void whatChangedThisWeek() {
        assertThat(summary.newSubmissions())
                .extracting(l -> l.taskId() + "/" + l.unitId() + "@" + l.submittedOn())
                .as("the 11-15 submission belongs to the week before")
                .containsExactly("3.1.1/ganyu@2026-11-16", "1.1/ganyu@2026-11-17", "3.1.2/guanyun@2026-11-18",
                        "3.3.1/city-edu@2026-11-19", "3.1.1/ganyu@2026-11-20");
        assertThat(summary.statusChanges()).extracting(StatusChange::taskId, StatusChange::unitId,
                        StatusChange::from, StatusChange::to)
                .containsExactly(tuple("3.1.1", GANYU, NOT_STARTED, BLOCKED),
                        tuple("3.1.2", GUANYUN, IN_PROGRESS, DONE),
                        tuple("3.3.1", EDU, null, IN_PROGRESS));
        assertThat(summary.statusChanges().get(2).fromLabel()).isEqualTo("未填报");
        assertThat(summary.completions()).extracting(c -> c.taskId() + "/" + c.unitId() + "@" + c.on())
                .containsExactly("3.1.2/guanyun@2026-11-18");
    }

    @Test
    void withoutBaselineOnlyMovesInsideTheWeekCount() {
        WeeklySummary noBaseline = WeekFixture.summary(null);
        assertThat(noBaseline.baselineKnown()).isFalse();
        assertThat(noBaseline.statusChanges()).extracting(StatusChange::taskId, StatusChange::from, StatusChange::to)
                .containsExactly(tuple("3.1.1", IN_PROGRESS, BLOCKED));
        assertThat(noBaseline.completions()).extracting(Lines.Completion::taskId).containsExactly("3.1.2");
    }

    @Test
    void aCompletionAlreadyKnownIsNotNewsAgain() {
        StatusSnapshot doneBefore = new StatusSnapshot(Map.of(PairKey.of("3.1.2", GUANYUN), DONE));
        assertThat(WeekFixture.summary(doneBefore).completions()).isEmpty();
    }

    @Test
    void endOfWeekSnapshotIsNextWeeksBaseline() {
        assertThat(summary.endOfWeekStatuses().statusByPair()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1.1#ganyu", IN_PROGRESS, "1.1#donghai", IN_PROGRESS, "3.1.1#ganyu", BLOCKED,
                "3.1.2#guanyun", DONE, "3.3.1#city-edu", IN_PROGRESS, "3.3.2#guanyun", DONE));
    }

    @Test
    void missingReportListsOpenTasksWithoutAReportThisWeek() {
        // ganyu and edu reported everything; guanyun's tasks are done; donghai reported nothing
        assertThat(summary.missingReports()).hasSize(1);
        assertThat(summary.missingReports().getFirst().unitName()).isEqualTo("东海县");
        assertThat(summary.missingReports().getFirst().tasks()).extracting(Lines.TaskRef::taskId)
                .containsExactly("1.1", "3.1.2");
    }

    @Test
    void redItemsWithTheirReasons() {
        assertThat(summary.redItems()).extracting(r -> r.taskId() + "/" + r.unitId())
                .containsExactly("3.1.1/ganyu", "3.1.2/donghai");
        assertThat(summary.redItems().get(0).reasons()).anyMatch(r -> r.contains("受阻") && r.contains("资金未到位"));
        assertThat(summary.redItems().get(1).reasons()).anyMatch(r -> r.startsWith("已逾期7天"));
    }

    @Test
    void deadlinesInTheNext30Days() {
        assertThat(summary.upcomingDeadlines()).extracting(UpcomingDeadline::taskId, UpcomingDeadline::due,
                        UpcomingDeadline::what, UpcomingDeadline::daysLeft, UpcomingDeadline::openUnits)
                .containsExactly(
                        tuple("3.1.1", LocalDate.of(2026, 12, 1), "节点：签约", 9L, List.of("赣榆区")),
                        tuple("3.1.1", LocalDate.of(2026, 12, 10), "完成时限", 18L, List.of("赣榆区")));
    }

    @Test
    void quantitativeTargetsWithProRataAndGap() {
        // 10 × 153/192 = 7.97 → 8.0
        assertThat(summary.targets()).extracting(TargetProgress::unitId, TargetProgress::minimum,
                        TargetProgress::reported, TargetProgress::expected, TargetProgress::gap)
                .containsExactly(
                        tuple(GANYU, new BigDecimal("10"), new BigDecimal("7"), new BigDecimal("8.0"), new BigDecimal("1.0")),
                        tuple(DONGHAI, new BigDecimal("10"), new BigDecimal("2"), new BigDecimal("8.0"), new BigDecimal("6.0")));
    }

    @Test
    void noEmptyDigests() {
        // guanyun: everything done, nothing due, nothing missing → no digest
        assertThat(summary.unitDigests()).extracting(UnitDigest::unitId).containsExactly(GANYU, DONGHAI, EDU);
        assertThat(summary.digestOf(GUANYUN)).isEmpty();

        UnitDigest ganyu = summary.digestOf(GANYU).orElseThrow();
        assertThat(ganyu.reported()).hasSize(3);
        assertThat(ganyu.notReported()).isEmpty();
        assertThat(ganyu.dueNext()).hasSize(2);
        assertThat(ganyu.pairs()).extracting(Lines.PairStatusLine::taskId, Lines.PairStatusLine::light)
                .containsExactly(tuple("1.1", Light.YELLOW), tuple("3.1.1", Light.RED));

        UnitDigest donghai = summary.digestOf(DONGHAI).orElseThrow();
        assertThat(donghai.reported()).isEmpty();
        assertThat(donghai.notReported()).extracting(Lines.TaskRef::taskId).containsExactly("1.1", "3.1.2");
        assertThat(donghai.pairs().get(1).statusLabel()).isEqualTo("未填报");

        UnitDigest edu = summary.digestOf(EDU).orElseThrow();
        assertThat(edu.notReported()).isEmpty();
        assertThat(edu.dueNext()).isEmpty();
        assertThat(edu.pairs()).extracting(Lines.PairStatusLine::light).containsExactly(Light.YELLOW);
    }

    @Test
    void ledgerHasOneRowPerTaskAndUnit() {
        Ledger ledger = summary.ledger();
        assertThat(ledger.asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(ledger.rows()).extracting(r -> r.taskId() + "/" + r.unitId()).containsExactly(
                "1.1/ganyu", "1.1/donghai", "3.1.1/ganyu", "3.1.2/donghai", "3.1.2/guanyun", "3.3.1/city-edu",
                "3.3.2/guanyun");
        LedgerRow first = ledger.rows().getFirst();
        assertThat(first.unitName()).isEqualTo("赣榆区");
        assertThat(first.status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(first.percent()).isEqualTo(60);
        assertThat(first.targetFigures()).isEqualTo("签约项目：已报7个/目标10个");
        assertThat(first.light()).isEqualTo(Light.YELLOW);
        assertThat(first.reason()).startsWith("进度滞后");
        assertThat(first.lastReportDate()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(first.fieldLabel()).isEmpty();
        LedgerRow never = ledger.rows().get(3);
        assertThat(never.statusLabel()).isEqualTo("未填报");
        assertThat(never.percent()).isNull();
        assertThat(never.lastReportDate()).isNull();
        assertThat(never.fieldLabel()).isEqualTo("产业");
        assertThat(ledger.forUnit(GUANYUN).rows()).hasSize(2);
    }
}
