package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.progress.ProgressStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.lyg.xilian.core.progress.ProgressStatus.IN_PROGRESS;
import static cn.lyg.xilian.core.report.WeekFixture.DONGHAI;
import static cn.lyg.xilian.core.report.WeekFixture.EDU;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static cn.lyg.xilian.core.report.WeekFixture.GUANYUN;
import static org.assertj.core.api.Assertions.assertThat;

/** The summary as the builder assembles it, and its ledger; the parts have tests of their own (Week*Test). */
class WeeklySummaryBuilderTest {

    private final WeeklySummary summary = WeekFixture.summary(WeekFixture.baseline());

    @Test
    void theSummaryIsAssembledFromItsPartsOverOneWeek() {
        Week week = WeekFixture.week(WeekFixture.baseline());
        assertThat(summary.asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(summary.headline()).isEqualTo(WeekCounts.headline(week));
        assertThat(summary.byUnit()).isEqualTo(WeekCounts.byUnit(week));
        assertThat(summary.statusChanges()).isEqualTo(WeekChanges.statusChanges(week));
        assertThat(summary.redItems()).isEqualTo(WeekAttention.redItems(week));
        assertThat(summary.targets()).isEqualTo(WeekTargets.of(week));
        assertThat(summary.unitDigests()).extracting(UnitDigest::unitId).containsExactly(GANYU, DONGHAI, EDU);
        assertThat(summary.baselineKnown()).isTrue();
        assertThat(WeekFixture.summary(null).baselineKnown()).isFalse();
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
