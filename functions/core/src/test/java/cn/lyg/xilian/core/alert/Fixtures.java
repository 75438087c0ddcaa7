package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small plans and states for the alert tests. */
final class Fixtures {

    static final String GANYU = "ganyu";
    static final String DONGHAI = "donghai";

    private Fixtures() {
    }

    static Unit unit(String id, String name) {
        return new Unit(id, name, UnitKind.COUNTY, List.of());
    }

    static PlanTask task(String id, LocalDate deadline, List<Milestone> milestones, List<Target> targets,
                         String... unitIds) {
        return TaskBuilder.task(id).units(unitIds).deadline(deadline).milestones(milestones).targets(targets).build();
    }

    static PlanTask task(String id, LocalDate deadline, String... unitIds) {
        return task(id, deadline, List.of(), List.of(), unitIds);
    }

    static Plan plan(LocalDate issuedOn, PlanTask... tasks) {
        return PlanBuilder.plan().issuedOn(issuedOn).tasks(tasks).build(); // units: 赣榆区 (GANYU), 东海县 (DONGHAI)
    }

    static Submission submission(String taskId, String unitId, ProgressStatus status, int percent,
                                 Map<String, BigDecimal> figures, LocalDate on) {
        return SubmissionBuilder.submission(taskId, unitId).key(taskId + "-" + unitId + "-" + on).status(status, percent)
                .figures(figures).progress("推进情况").reporter("张三").on(on).build();
    }

    static TaskUnitState reported(String taskId, String unitId, ProgressStatus status, int percent, LocalDate on) {
        return new TaskUnitState(2026, taskId, unitId, submission(taskId, unitId, status, percent, Map.of(), on));
    }

    static TaskUnitState reported(Submission submission) {
        return new TaskUnitState(2026, submission.taskId(), submission.unitId(), submission);
    }

    static TaskUnitState neverReported(String taskId, String unitId) {
        return new TaskUnitState(2026, taskId, unitId, null);
    }
}
