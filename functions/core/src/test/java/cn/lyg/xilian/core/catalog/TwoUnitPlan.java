package cn.lyg.xilian.core.catalog;

import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import java.math.BigDecimal;

/**
 * A small 2026 plan for use-case tests: task 1.1 for 赣榆区 and 东海县 (one target each, due 2026-12-31), task 1.2
 * for 东海县 only.
 */
public final class TwoUnitPlan {

    public static final Plan PLAN = PlanBuilder.plan()
            .task(TaskBuilder.task("1.1").title("签约项目").text("全文").units("ganyu", "donghai")
                    .target(new Target("t1", "ganyu", "签约项目", new BigDecimal("8"), "个", "不少于8个"))
                    .target(new Target("t2", "donghai", "招商活动", new BigDecimal("3"), "场次", "不少于3场次")))
            .task(TaskBuilder.task("1.2").title("别的任务").text("全文").units("donghai"))
            .build();

    private TwoUnitPlan() {
    }
}
