package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.report.Lines.CompletionGroup;
import cn.lyg.xilian.core.report.Lines.Headline;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.lyg.xilian.core.report.WeekFixture.DONGHAI;
import static cn.lyg.xilian.core.report.WeekFixture.EDU;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static cn.lyg.xilian.core.report.WeekFixture.GUANYUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The week's numbers ({@link WeekCounts}); expected values worked out by hand from {@link WeekFixture}. */
class WeekCountsTest {

    private final Week week = WeekFixture.week(WeekFixture.baseline());

    @Test
    void headlineCountsTasks() {
        // 1.1 yellow (both units behind pro-rata 79.7 %, donghai silent 20 days); 3.1.1 red (受阻);
        // 3.1.2 red (donghai overdue); 3.3.1 yellow (behind); 3.3.2 green (done).
        // completed: 3.3.2; overdue: 3.1.2 (due 11-15); within 30 days of 11-22: 3.1.1 (12-10) only.
        assertThat(week.asOf).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(WeekCounts.headline(week)).isEqualTo(new Headline(5, 1, 2, 2, 1, 1, 1));
    }

    @Test
    void completionBySectionFieldAndUnit() {
        // pair percents: 1.1 ganyu 60, donghai 50; 3.1.1 ganyu 30; 3.1.2 donghai 0 (never), guanyun 100;
        // 3.3.1 edu 40; 3.3.2 guanyun 100 (done)
        assertThat(WeekCounts.bySection(week)).containsExactly(
                new CompletionGroup("1", "统筹开展两市帮扶合作", 2, 0, 55),
                new CompletionGroup("3.1", "深化产业领域帮扶合作", 3, 1, 43),
                new CompletionGroup("3.3", "深化教育领域帮扶合作", 2, 1, 70));
        assertThat(WeekCounts.byField(week)).extracting(CompletionGroup::label, CompletionGroup::pairs,
                        CompletionGroup::donePairs, CompletionGroup::averagePercent)
                .containsExactly(tuple("产业", 3, 1, 43), tuple("科技", 0, 0, 0), tuple("教育", 2, 1, 70),
                        tuple("医疗卫生", 0, 0, 0), tuple("文旅康养", 0, 0, 0), tuple("人力资源", 0, 0, 0));
        assertThat(WeekCounts.byUnit(week)).containsExactly(
                new CompletionGroup(GANYU, "赣榆区", 2, 0, 45),
                new CompletionGroup(DONGHAI, "东海县", 2, 0, 25),
                new CompletionGroup(GUANYUN, "灌云县", 2, 2, 100),
                new CompletionGroup(EDU, "市教育局", 1, 0, 40));
    }

}
