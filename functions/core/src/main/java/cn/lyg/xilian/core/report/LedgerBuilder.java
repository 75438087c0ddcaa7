package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.alert.PairAssessments;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link Ledger} from the current state and the alert evaluation; pure. Reads one state per
 * pair, so its cost is fixed by the catalog, not by the history.
 */
public final class LedgerBuilder {

    public Ledger build(Plan plan, List<TaskUnitState> states, Evaluation evaluation) {
        StateIndex stateByPair = StateIndex.of(states);
        PairAssessments assessments = evaluation.assessmentsByPair();

        List<LedgerRow> rows = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            Section section = plan.section(task.sectionId()).orElse(null);
            String sectionTitle = section == null ? task.sectionId() : section.title();
            String fieldLabel = section == null || section.field() == null ? "" : section.field().label();
            for (String unitId : task.unitIds()) {
                TaskUnitState state = stateByPair.state(task.id(), unitId);
                Submission latest = state == null ? null : state.latest();
                Assessment assessment = assessments.of(task.id(), unitId);
                rows.add(new LedgerRow(task.id(), task.title(), sectionTitle, fieldLabel, unitId,
                        plan.unit(unitId).map(Unit::name).orElse(unitId),
                        state == null ? task.deadline() : state.deadline(task),
                        latest == null ? null : latest.status(), latest == null ? null : latest.percent(),
                        targetFigures(task, unitId, latest),
                        assessment.light(), assessment.summary(),
                        latest == null ? null : latest.submittedAt().atZone(PlanTime.ZONE).toLocalDate(),
                        latest, state == null ? 0 : state.submissions(),
                        reviewText(state), state == null || state.extendedDeadline() == null ? ""
                                : cn.lyg.xilian.core.supervision.Supervise.deadlineText(task.deadline(),
                                        state.extendedDeadline()),
                        state == null || state.evidence().isEmpty() ? ""
                                : state.evidence().size() + "个：" + String.join("、", state.evidence())));
            }
        }
        return new Ledger(plan.year(), plan.title(), evaluation.asOf(), rows);
    }

    private static String reviewText(TaskUnitState state) {
        if (state == null || state.latest() == null) {
            return "";
        }
        if (state.review() == null) {
            return "待审核";
        }
        return state.review().decision().label() + (state.review().reason() == null ? "" : "：" + state.review().reason());
    }

    /** "签约落地超亿元项目：已报3个/目标8个；…"; a target without a reported figure shows "未报". */
    static String targetFigures(PlanTask task, String unitId, Submission latest) {
        List<String> parts = new ArrayList<>();
        for (Target target : task.targetsFor(unitId)) {
            BigDecimal reported = latest == null ? null : latest.figures().get(target.id());
            String reportedText = reported == null ? "未报" : ReportText.plain(reported) + target.measure();
            parts.add(target.metric() + "：已报" + reportedText + "/目标" + ReportText.plain(target.minimum())
                    + target.measure());
        }
        return String.join("；", parts);
    }
}
