package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built plans and submissions (the importer is written elsewhere). */
final class Fixtures {

    static final int YEAR = 2026;

    static final Unit GANYU = new Unit("ganyu", "赣榆区", UnitKind.COUNTY, List.of());
    static final Unit DONGHAI = new Unit("donghai", "东海县", UnitKind.COUNTY, List.of("东海"));
    static final Unit FGW = new Unit("fgw", "市发展改革委", UnitKind.CITY_DEPARTMENT, List.of());

    static final PlanTask TASK_1_1 = TaskBuilder.task("1.1").title("召开联席会议").text("召开两市帮扶合作联席会议。")
            .units("fgw").build();
    static final PlanTask TASK_1_2 = TaskBuilder.task("1.2").title("互派干部").text("互派干部挂职交流。")
            .units("ganyu", "donghai").deadline(LocalDate.of(2026, 10, 31))
            .milestone(LocalDate.of(2026, 6, 30), "6月底前完成选派").build();
    static final PlanTask TASK_3_1_1 = TaskBuilder.task("3.1.1").section("3.1").title("共建园区")
            .text("推进共建园区建设，签约落地超亿元项目不少于8个。").units("ganyu", "donghai", "fgw")
            .milestone(LocalDate.of(2026, 6, 30), "签约").milestone(LocalDate.of(2026, 9, 30), "开工")
            .target(new Target("t1", "ganyu", "签约落地超亿元项目", new BigDecimal("8"), "个", "不少于8个"))
            .target(new Target("t2", null, "新增投资", new BigDecimal("2.50"), "亿元", "2.50亿元以上")).build();

    /** 1 header + 2 sections + 3 units + 3 tasks = 9 catalog items; 1 + 2 + 3 = 6 (task, unit) pairs. */
    static final int CATALOG_ITEMS = 9;
    static final int PAIRS = 6;

    private Fixtures() {
    }

    static Plan plan() {
        return plan(List.of(TASK_1_1, TASK_1_2, TASK_3_1_1));
    }

    static Plan plan(List<PlanTask> tasks) {
        return PlanBuilder.plan().year(YEAR).title("2026年无锡市连云港市对口帮扶合作工作要点").issuedOn(LocalDate.of(2026, 3, 2))
                .sections(new Section("1", "统筹开展两市帮扶合作", null), new Section("3.1", "深化产业领域帮扶合作", Field.INDUSTRY))
                .units(GANYU, DONGHAI, FGW).tasks(tasks).build();
    }

    static PlanTask withUnits(PlanTask task, String... unitIds) {
        return TaskBuilder.from(task).units(unitIds).build();
    }

    static PlanTask withTitle(PlanTask task, String title) {
        return TaskBuilder.from(task).title(title).build();
    }

    static List<PlanTask> replace(List<PlanTask> tasks, PlanTask replacement) {
        List<PlanTask> result = new ArrayList<>(tasks);
        result.replaceAll(t -> t.id().equals(replacement.id()) ? replacement : t);
        return result;
    }

    static Submission submission(String taskId, String unitId, String key, String submittedAt) {
        return submission(taskId, unitId, key, Instant.parse(submittedAt), ProgressStatus.IN_PROGRESS, "推进中：" + key);
    }

    static Submission submission(String taskId, String unitId, String key, Instant submittedAt,
                                 ProgressStatus status, String progress) {
        return SubmissionBuilder.submission(taskId, unitId).year(YEAR).key(key).status(status, 40).figure("t1", "3.0")
                .progress(progress).nextSteps("下周继续").reporter("张三").phone("13800000000").at(submittedAt).build();
    }
}
