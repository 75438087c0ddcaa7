package cn.lyg.xilian.core.yearend;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import cn.lyg.xilian.core.view.Refused;
import cn.lyg.xilian.core.view.YearEnd;
import cn.lyg.xilian.core.yearend.YearSummary.Timeliness;
import cn.lyg.xilian.core.yearend.YearSummary.UnitLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YearSummaryBuilderTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);

    @Test
    void theRankingOfTheWorkedExample() {
        UnitLine ganyu = new UnitLine(0, "ganyu", "赣榆区", 4, 4, 3, 1, 0, 0, 0);
        UnitLine donghai = new UnitLine(0, "donghai", "东海县", 2, 2, 2, 0, 0, 0, 0);
        UnitLine guanyun = new UnitLine(0, "guanyun", "灌云县", 4, 3, 3, 0, 1, 0, 0);
        UnitLine twin = new UnitLine(0, "guannan", "灌南县", 4, 3, 3, 0, 1, 0, 0);
        List<String> planOrder = List.of("ganyu", "donghai", "guanyun", "guannan");
        assertThat(java.util.stream.Stream.of(twin, guanyun, ganyu, donghai).sorted(UnitRanking.order(planOrder))
                .map(UnitLine::unitName)).containsExactly("东海县", "赣榆区", "灌云县", "灌南县");
        assertThat(guanyun.onTimeShare()).isEqualByComparingTo("75.0");
    }

    @Test
    void eachPairsFinalPictureAndTheUnitsTotals() {
        Plan plan = PlanBuilder.plan().tasks(
                TaskBuilder.task("1.1").units("ganyu", "donghai").deadline(DEADLINE)
                        .target(new Target("t1", null, "签约项目", new BigDecimal("10"), "个", "签约项目不少于10个")).build(),
                TaskBuilder.task("1.2").units("ganyu", "donghai").deadline(LocalDate.of(2026, 11, 30)).build()).build();
        InMemoryProgressRepository progress = new InMemoryProgressRepository();
        progress.record(report("1.1", "ganyu", "a1", ProgressStatus.IN_PROGRESS, 100, Map.of("t1", "12"), "2026-12-10", null));
        progress.record(report("1.1", "ganyu", "a2", ProgressStatus.DONE, 100, Map.of("t1", "12"), "2026-12-20", null));
        progress.record(report("1.1", "donghai", "b1", ProgressStatus.IN_PROGRESS, 70, Map.of("t1", "8"), "2026-12-28",
                "土地指标=未落实"));
        progress.record(report("1.2", "ganyu", "c1", ProgressStatus.DONE, 100, Map.of(), "2026-12-05", "  "));
        progress.extend(2026, "1.2", "ganyu", LocalDate.of(2026, 12, 15));
        progress.reviewed(new Review(2026, "1.2", "ganyu", "c1", ReviewDecision.ACCEPTED, null, "r1",
                Instant.parse("2026-12-06T01:00:00Z")));

        YearSummary s = new YearEnd(progress, Clock.fixed(Instant.parse("2027-01-15T02:00:00Z"), ZoneOffset.UTC))
                .summary(plan, new Principal(Role.COORDINATOR, null, "h-coordinator"));
        assertThat(s.pairs()).extracting(p -> p.taskId() + "/" + p.unitId() + " " + p.status() + " " + p.percent()
                        + "% " + p.timeliness().label() + " " + p.finishedOn() + " " + p.reports() + " " + p.review()
                        + " " + p.targetsText())
                .containsExactly(
                        "1.1/ganyu 已完成 100% 按期完成 2026-12-10 2 未审核 签约项目 12/10个 达标",
                        "1.1/donghai 推进中 70% 逾期未完成 null 1 未审核 签约项目 8/10个 未达标",
                        "1.2/ganyu 已完成 100% 按期完成 2026-12-05 1 通过 无量化指标",
                        "1.2/donghai 未填报 0% 逾期未完成 null 0 — 无量化指标");
        assertThat(s.pairs().get(2).extended()).isTrue();
        assertThat(s.units()).extracting(u -> u.rank() + " " + u.unitName() + " " + u.onTime() + "/" + u.pairs()
                + " overdue " + u.overdue()).containsExactly("1 赣榆区 2/2 overdue 0", "2 东海县 0/2 overdue 2");
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.unitName()).isEqualTo("东海县");
            assertThat(p.items()).extracting(YearSummary.Problem::text).containsExactly("土地指标=未落实");
        });
        assertThat(s.fileBaseName()).isEqualTo("2026年度总结-2027-01-15");
        assertThat(s.pairs().get(1).timeliness()).isEqualTo(Timeliness.OVERDUE);
    }

    @Test
    void unitsAreRefused() {
        YearEnd yearEnd = new YearEnd(new InMemoryProgressRepository(), Clock.systemUTC());
        assertThatThrownBy(() -> yearEnd.summary(PlanBuilder.plan().build(), new Principal(Role.UNIT, "ganyu", "h-ganyu")))
                .isInstanceOf(Refused.class);
    }

    private static Submission report(String task, String unit, String key, ProgressStatus status, int percent,
                                     Map<String, String> figures, String on, String problems) {
        Map<String, BigDecimal> f = new java.util.TreeMap<>();
        figures.forEach((k, v) -> f.put(k, new BigDecimal(v)));
        return SubmissionBuilder.submission(task, unit).key(key).status(status, percent).figures(f).problems(problems)
                .on(LocalDate.parse(on)).build();
    }
}
