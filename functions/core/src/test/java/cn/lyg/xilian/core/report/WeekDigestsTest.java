package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.core.report.WeekFixture.DONGHAI;
import static cn.lyg.xilian.core.report.WeekFixture.EDU;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static cn.lyg.xilian.core.report.WeekFixture.GUANYUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each unit's digest ({@link WeekDigests}); worked out by hand from {@link WeekFixture}. */
class WeekDigestsTest {

    private final Week week = WeekFixture.week(WeekFixture.baseline());

    private final List<UnitDigest> digests = WeekDigests.of(week, Map.of());

    private java.util.Optional<UnitDigest> digestOf(String unitId) {
        return digests.stream().filter(d -> d.unitId().equals(unitId)).findFirst();
    }

    @Test
    void noEmptyDigests() {
        // guanyun: everything done, nothing due, nothing missing → no digest
        assertThat(digests).extracting(UnitDigest::unitId).containsExactly(GANYU, DONGHAI, EDU);
        assertThat(digestOf(GUANYUN)).isEmpty();

        UnitDigest ganyu = digestOf(GANYU).orElseThrow();
        assertThat(ganyu.reported()).hasSize(3);
        assertThat(ganyu.notReported()).isEmpty();
        assertThat(ganyu.dueNext()).hasSize(2);
        assertThat(ganyu.pairs()).extracting(Lines.PairStatusLine::taskId, Lines.PairStatusLine::light)
                .containsExactly(tuple("1.1", Light.YELLOW), tuple("3.1.1", Light.RED));

        UnitDigest donghai = digestOf(DONGHAI).orElseThrow();
        assertThat(donghai.reported()).isEmpty();
        assertThat(donghai.notReported()).extracting(Lines.TaskRef::taskId).containsExactly("1.1", "3.1.2");
        assertThat(donghai.pairs().get(1).statusLabel()).isEqualTo("未填报");

        UnitDigest edu = digestOf(EDU).orElseThrow();
        assertThat(edu.notReported()).isEmpty();
        assertThat(edu.dueNext()).isEmpty();
        assertThat(edu.pairs()).extracting(Lines.PairStatusLine::light).containsExactly(Light.YELLOW);
    }

}
