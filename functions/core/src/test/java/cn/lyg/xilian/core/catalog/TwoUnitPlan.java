package cn.lyg.xilian.core.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A small 2026 plan for use-case tests: task 1.1 for 赣榆区 and 东海县 (one target each, due 2026-12-31), task 1.2
 * for 东海县 only.
 */
public final class TwoUnitPlan {

    public static final Plan PLAN = new Plan(2026, "2026年锡连帮扶合作计划", "连政办发〔2026〕13号",
            LocalDate.of(2026, 3, 1), List.of(new Section("1", "一、统筹开展两市帮扶合作", null)),
            List.of(new Unit("ganyu", "赣榆区", UnitKind.COUNTY, List.of()),
                    new Unit("donghai", "东海县", UnitKind.COUNTY, List.of())),
            List.of(new PlanTask("1.1", "1", "签约项目", "全文", List.of("ganyu", "donghai"), LocalDate.of(2026, 12, 31),
                    List.of(), List.of(new Target("t1", "ganyu", "签约项目", new BigDecimal("8"), "个", "不少于8个"),
                    new Target("t2", "donghai", "招商活动", new BigDecimal("3"), "场次", "不少于3场次"))),
                    new PlanTask("1.2", "1", "别的任务", "全文", List.of("donghai"), LocalDate.of(2026, 12, 31),
                            List.of(), List.of())));

    private TwoUnitPlan() {
    }
}
