package cn.lyg.xilian.core.catalog;

import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static cn.lyg.xilian.core.testdata.PlanBuilder.county;
import static org.assertj.core.api.Assertions.assertThat;

/** What a load would change, unit by unit, and how the operator reads it (worked cases on small plans). */
class PlanDiffTest {

    private static final Target GANYU_8 = new Target("t1", "ganyu", "签约项目", new BigDecimal("8"), "个", "不少于8个");
    private static final Target DONGHAI_3 = new Target("t2", "donghai", "招商活动", new BigDecimal("3"), "场次", "不少于3场次");

    /** 1.1 for 赣榆区 and 东海县 (a target each, a milestone), 1.2 for 东海县. */
    private static final Plan LOADED = PlanBuilder.plan()
            .task(TaskBuilder.task("1.1").title("签约项目").units("ganyu", "donghai").target(GANYU_8).target(DONGHAI_3)
                    .milestone(LocalDate.of(2026, 6, 30), "签约"))
            .task(TaskBuilder.task("1.2").title("招商推介").units("donghai"))
            .build();

    @Test
    void theSamePlanChangesNothingAndSaysSo() {
        PlanDiff diff = PlanDiff.of(LOADED, PlanBuilder.from(LOADED).build(), Set.of(new TaskUnit("1.1", "ganyu")));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.units()).isEmpty();
        assertThat(PlanDiffText.render(diff)).isEqualTo("2026年计划与已载入的相同：没有变化，载入不会改动任何数据。\n");
    }

    @Test
    void aFirstLoadAddsEveryPairInPlanOrder() {
        PlanDiff diff = PlanDiff.of(null, LOADED, Set.of());

        assertThat(diff.firstLoad()).isTrue();
        assertThat(PlanDiffText.render(diff)).isEqualTo("""
                2026年计划尚未载入：首次载入将新增2项任务、2个单位。
                各单位：
                赣榆区（ganyu）
                  新增 1.1「签约项目」：新任务
                东海县（donghai）
                  新增 1.1「签约项目」：新任务
                  新增 1.2「招商推介」：新任务
                合计：2个单位受影响；涉及已填报事项0项。
                """);
    }

    @Test
    void anAmendedPlanShowsEachUnitItsAddedChangedAndRemovedTasksAndWhichHaveReported() {
        Plan amended = PlanBuilder.from(LOADED)
                .units(county("ganyu", "赣榆区"), county("donghai", "东海县"), county("guanyun", "灌云县"))
                .tasks(TaskBuilder.from(LOADED.task("1.1").orElseThrow()).units("ganyu", "donghai", "guanyun")
                                .deadline(LocalDate.of(2026, 9, 30)).build(),
                        TaskBuilder.task("1.3").title("人才交流").units("ganyu", "guanyun").build())
                .build();
        Set<TaskUnit> reported = Set.of(new TaskUnit("1.1", "ganyu"), new TaskUnit("1.2", "donghai"));

        PlanDiff diff = PlanDiff.of(LOADED, amended, reported);

        assertThat(diff.unitsAdded()).extracting(Unit::id).containsExactly("guanyun");
        assertThat(diff.units()).extracting(PlanDiff.UnitDiff::unitId).containsExactly("ganyu", "donghai", "guanyun");
        assertThat(diff.units().get(0).changed()).singleElement().satisfies(e -> {
            assertThat(e.aspects()).containsExactly(PlanDiff.Aspect.DEADLINE, PlanDiff.Aspect.UNITS);
            assertThat(e.reported()).isTrue();
        });
        assertThat(diff.reportedAffected()).containsExactly(new TaskUnit("1.1", "ganyu"), new TaskUnit("1.2", "donghai"));
        assertThat(PlanDiffText.render(diff)).isEqualTo("""
                2026年计划载入预览（与已载入的计划相比；未写入任何数据）
                计划：
                  新增单位：灌云县（guanyun）
                各单位：
                赣榆区（ganyu）
                  新增 1.3「人才交流」：新任务
                  变更 1.1「签约项目」（已填报）
                    完成时间：2026-12-31 → 2026-09-30
                    责任单位：赣榆区、东海县 → 赣榆区、东海县、灌云县
                东海县（donghai）
                  变更 1.1「签约项目」
                    完成时间：2026-12-31 → 2026-09-30
                    责任单位：赣榆区、东海县 → 赣榆区、东海县、灌云县
                  移除 1.2「招商推介」：任务删除（已填报：进展保留，不再显示于看板和任务、单位视图）
                灌云县（guanyun）
                  新增 1.1「签约项目」：新列为责任单位
                  新增 1.3「人才交流」：新任务
                合计：3个单位受影响；涉及已填报事项2项：1.1 赣榆区、1.2 东海县。
                """);
    }

    @Test
    void aUnitSeesItsOwnTargetsAndEveryoneSeesTitleAndMilestones() {
        Target ganyu10 = new Target("t1", "ganyu", "签约项目", new BigDecimal("10"), "个", "不少于10个");
        Plan amended = PlanBuilder.from(LOADED)
                .tasks(TaskBuilder.task("1.1").title("签约落地项目").units("ganyu", "donghai").target(ganyu10)
                                .target(DONGHAI_3).milestone(LocalDate.of(2026, 7, 31), "签约").build(),
                        LOADED.task("1.2").orElseThrow())
                .build();

        String text = PlanDiffText.render(PlanDiff.of(LOADED, amended, Set.of()));

        assertThat(text).isEqualTo("""
                2026年计划载入预览（与已载入的计划相比；未写入任何数据）
                各单位：
                赣榆区（ganyu）
                  变更 1.1「签约落地项目」
                    标题：“签约项目” → “签约落地项目”
                    节点：2026-06-30 签约 → 2026-07-31 签约
                    指标：签约项目不少于8个 → 签约项目不少于10个
                东海县（donghai）
                  变更 1.1「签约落地项目」
                    标题：“签约项目” → “签约落地项目”
                    节点：2026-06-30 签约 → 2026-07-31 签约
                合计：2个单位受影响；涉及已填报事项0项。
                """);
    }

    @Test
    void aUnitDroppedFromATaskKeepsAReportAndLosesAnUnreportedState() {
        Plan amended = PlanBuilder.from(LOADED)
                .tasks(TaskBuilder.from(LOADED.task("1.1").orElseThrow()).units("ganyu").build(),
                        LOADED.task("1.2").orElseThrow())
                .build();

        PlanDiff reported = PlanDiff.of(LOADED, amended, Set.of(new TaskUnit("1.1", "donghai")));
        PlanDiff silent = PlanDiff.of(LOADED, amended, Set.of());

        assertThat(PlanDiffText.render(reported)).contains("""
                东海县（donghai）
                  移除 1.1「签约项目」：不再列为责任单位（已填报：进展保留，不再显示于看板和任务、单位视图）
                """);
        assertThat(PlanDiffText.render(silent)).contains("""
                东海县（donghai）
                  移除 1.1「签约项目」：不再列为责任单位（未填报：状态删除）
                """);
    }

    @Test
    void aPairAssignedAgainAfterReportingHasItsProgressShownAgain() {
        Plan without = PlanBuilder.from(LOADED)
                .tasks(TaskBuilder.from(LOADED.task("1.1").orElseThrow()).units("ganyu").build(),
                        LOADED.task("1.2").orElseThrow())
                .build();

        PlanDiff diff = PlanDiff.of(without, LOADED, Set.of(new TaskUnit("1.1", "donghai")));

        assertThat(PlanDiffText.render(diff)).contains("""
                东海县（donghai）
                  新增 1.1「签约项目」：新列为责任单位（曾填报：原有进展恢复显示）
                """);
    }

    @Test
    void planLevelChangesAreListedBeforeTheUnits() {
        Section two = new Section("2", "二、深化产业合作", null);
        Plan amended = PlanBuilder.from(LOADED)
                .sections(new Section("1", "一、统筹推进两市帮扶合作", null), two)
                .units(county("donghai", "东海县"), county("ganyu", "赣榆区"))
                .issuedOn(LocalDate.of(2026, 3, 5))
                .build();

        PlanDiff diff = PlanDiff.of(LOADED, amended, Set.of());

        assertThat(diff.units()).isEmpty();
        assertThat(diff.isEmpty()).isFalse();
        assertThat(PlanDiffText.render(diff)).isEqualTo("""
                2026年计划载入预览（与已载入的计划相比；未写入任何数据）
                计划：
                  印发日期：2026-03-01 → 2026-03-05
                  新增部分：2 二、深化产业合作
                  部分变更：1 一、统筹开展两市帮扶合作 → 一、统筹推进两市帮扶合作
                  部分、单位或任务的顺序有调整
                """);
    }

    @Test
    void aUnitLeavingTheCatalogIsListedAfterTheNewPlansUnits() {
        Plan amended = PlanBuilder.from(LOADED).units(county("ganyu", "赣榆区"))
                .tasks(TaskBuilder.from(LOADED.task("1.1").orElseThrow()).units("ganyu").build())
                .build();

        PlanDiff diff = PlanDiff.of(LOADED, amended, Set.of(new TaskUnit("1.2", "donghai")));

        assertThat(diff.unitsRemoved()).extracting(Unit::id).containsExactly("donghai");
        assertThat(diff.units()).extracting(PlanDiff.UnitDiff::unitId).containsExactly("ganyu", "donghai");
        assertThat(diff.units().get(1).removed()).extracting(PlanDiff.TaskEntry::taskId).containsExactly("1.1", "1.2");
        assertThat(PlanDiffText.render(diff)).contains("  移除单位：东海县（donghai）\n", """
                东海县（donghai）
                  移除 1.1「签约项目」：不再列为责任单位（未填报：状态删除）
                  移除 1.2「招商推介」：任务删除（已填报：进展保留，不再显示于看板和任务、单位视图）
                """);
    }
}
