package cn.lyg.xilian.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The weekly ranking ({@link WeeklyRanking}) and the rest of the {@link Standing}, on {@link WeekFixture}. */
class WeeklyRankingTest {

    private final Standing standing = WeekStanding.of(WeekFixture.week(WeekFixture.baseline()));

    @Test
    void theFormulaOnTheDocumentedExample() {
        assertThat(WeeklyRanking.scoreTenths(2, 2, 2, 1, 0, 0)).isEqualTo(750);  // 赣榆区
        assertThat(WeeklyRanking.scoreTenths(2, 0, 2, 0, 1, 0)).isEqualTo(0);    // 东海县, floored
        assertThat(WeeklyRanking.scoreTenths(1, 1, 2, 2, 0, 0)).isEqualTo(1000); // 灌云县
        // thirds round half up to tenths: 500·2/3 + 500·1/3 = 500.0; 500·1/3 + 0 = 166.67 → 166.7
        assertThat(WeeklyRanking.scoreTenths(3, 2, 3, 1, 0, 0)).isEqualTo(500);
        assertThat(WeeklyRanking.scoreTenths(3, 1, 3, 0, 0, 0)).isEqualTo(167);
        assertThat(WeeklyRanking.scoreTenths(1, 1, 1, 1, 1, 2)).isEqualTo(1000 - 50 - 40);
    }

    @Test
    void unitsOfTheFixtureWeekRanked() {
        // 灌云县: 3.1.2 done this week (cycle, reported), 3.3.2 done in June (no cycle); both green → 100.0.
        // 赣榆区: 1.1 and 3.1.1 reported (T = 1); 1.1 behind pace (黄), 3.1.1 受阻 (红) → P = 0 → 50.0.
        // 市教育局: 3.3.1 reported (T = 1), behind pace (黄) → 50.0: a tie with 赣榆区, no overdue, no returned on
        // either side, so the plan's order decides: 赣榆区 (listed before 市教育局) is 2nd.
        // 东海县: nothing reported (T = 0/2); 3.1.2 overdue and 红, 1.1 黄 → 0 − 5, floored to 0.0.
        assertThat(standing.ranking()).extracting(UnitScore::rank, UnitScore::unitName, UnitScore::cycles,
                        UnitScore::reported, UnitScore::overdue, UnitScore::returned)
                .containsExactly(tuple(1, "灌云县", 1, 1, 0, 0), tuple(2, "赣榆区", 2, 2, 0, 0),
                        tuple(3, "市教育局", 1, 1, 0, 0), tuple(4, "东海县", 2, 0, 1, 0));
        assertThat(standing.ranking().get(0).score()).isEqualTo("100.0");
        assertThat(standing.ranking()).extracting(UnitScore::onPace, UnitScore::score).containsExactly(
                tuple(2, "100.0"), tuple(0, "50.0"), tuple(0, "50.0"), tuple(0, "0.0"));
        assertThat(standing.scoreOf("donghai")).get().extracting(UnitScore::rank).isEqualTo(4);
    }

    @Test
    void problemsByUnitAndOverduePairs() {
        assertThat(standing.problems()).extracting(Standing.UnitProblems::unitName).containsExactly("赣榆区");
        assertThat(standing.problems().getFirst().items()).extracting(Standing.Problem::taskId, Standing.Problem::text)
                .containsExactly(tuple("3.1.1", "资金未到位"));
        assertThat(standing.overdue()).extracting(Standing.OverduePair::taskId, Standing.OverduePair::unitName,
                Standing.OverduePair::daysOverdue).containsExactly(tuple("3.1.2", "东海县", 7L));
    }
}
