package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.report.Lines.TargetProgress;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static cn.lyg.xilian.core.report.WeekFixture.DONGHAI;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Targets against the pro-rata share ({@link WeekTargets}); worked out by hand from {@link WeekFixture}. */
class WeekTargetsTest {

    private final Week week = WeekFixture.week(WeekFixture.baseline());

    @Test
    void quantitativeTargetsWithProRataAndGap() {
        // 10 × 153/192 = 7.97 → 8.0
        assertThat(WeekTargets.of(week)).extracting(TargetProgress::unitId, TargetProgress::minimum,
                        TargetProgress::reported, TargetProgress::expected, TargetProgress::gap)
                .containsExactly(
                        tuple(GANYU, new BigDecimal("10"), new BigDecimal("7"), new BigDecimal("8.0"), new BigDecimal("1.0")),
                        tuple(DONGHAI, new BigDecimal("10"), new BigDecimal("2"), new BigDecimal("8.0"), new BigDecimal("6.0")));
    }

}
