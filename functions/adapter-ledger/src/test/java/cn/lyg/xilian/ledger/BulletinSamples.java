package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.report.WeeklySummaryBuilder;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummaryBuilder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static cn.lyg.xilian.core.testdata.SubmissionBuilder.submission;

/**
 * A week (2026-W48, Sunday 11-29) of four units and twelve tasks, enough for a 情况通报 of more than one page:
 * some tasks overdue and red, some blocked with problems (one with hostile markup), some due in December.
 */
final class BulletinSamples {

    static final ReportWeek W48 = new ReportWeek(LocalDate.of(2026, 11, 23));
    static final String HOSTILE = "<w:p>资金</w:t>&amp; \"未到位\"";

    private BulletinSamples() {
    }

    /** Four units, twelve tasks of two units each; every fourth task due in November, the others in December. */
    static Plan plan() {
        List<Unit> units = List.of(PlanBuilder.county("ganyu", "赣榆区"), PlanBuilder.county("donghai", "东海县"),
                PlanBuilder.county("guanyun", "灌云县"), PlanBuilder.county("guannan", "灌南县"));
        List<PlanTask> tasks = new ArrayList<>();
        String[] unitIds = {"ganyu", "donghai", "guanyun", "guannan"};
        for (int i = 1; i <= 12; i++) {
            LocalDate deadline = i % 4 == 0 ? LocalDate.of(2026, 11, 10 + i) : LocalDate.of(2026, 12, 5 + i);
            tasks.add(TaskBuilder.task("3." + i).title("推进第" + i + "项南北结对帮扶合作重点工程建设并按月报送进展情况")
                    .units(unitIds[i % 4], unitIds[(i + 1) % 4]).deadline(deadline).build());
        }
        Plan plan = PlanBuilder.plan().title("无锡连云港南北结对帮扶合作2026年重点工作计划").issuedOn(LocalDate.of(2026, 3, 1))
                .units(units.toArray(Unit[]::new)).tasks(tasks).build();
        return plan;
    }

    static WeeklySummary summary() {
        Plan plan = plan();
        List<PlanTask> tasks = plan.tasks();
        List<TaskUnitState> states = new ArrayList<>();
        List<Submission> ofWeek = new ArrayList<>();
        int n = 0;
        for (PlanTask task : tasks) {
            for (String unitId : task.unitIds()) {
                n++;
                if (n % 5 == 0) {
                    states.add(new TaskUnitState(2026, task.id(), unitId, null));
                    continue;
                }
                ProgressStatus status = n % 7 == 0 ? ProgressStatus.BLOCKED : ProgressStatus.IN_PROGRESS;
                Submission s = submission(task.id(), unitId).key("k" + n).status(status, 40 + n)
                        .progress("推进情况" + n).problems(n % 3 == 0 ? (n == 9 ? HOSTILE : "用地指标待批，需协调第" + n + "号地块") : null)
                        .at(LocalDateTime.of(2026, 11, 23 + n % 6, 10, 0)).build();
                states.add(new TaskUnitState(2026, task.id(), unitId, s));
                ofWeek.add(s);
            }
        }
        var evaluation = new AlertEvaluator().evaluate(plan, states, W48.sunday(), AlertSettings.defaults(),
                WorkCalendar.fromClasspath());
        return new WeeklySummaryBuilder().build(plan, W48, states, ofWeek, null, evaluation);
    }

    /**
     * 2026's 年度总结 as of 2027-01-15 over the same plan: of the 24 pairs a quarter done on time, a quarter done 5 days
     * late (one of them on time by an approved 20-day extension), a quarter overdue at 40–70 % with problems (one
     * hostile), a quarter never reported.
     */
    static YearSummary yearSummary() {
        Plan plan = plan();
        List<TaskUnitState> states = new ArrayList<>();
        int n = 0;
        for (PlanTask task : plan.tasks()) {
            for (String unitId : task.unitIds()) {
                n++;
                LocalDate deadline = task.deadline();
                Submission s = switch (n % 4) {
                    case 0 -> submission(task.id(), unitId).key("y" + n).status(ProgressStatus.DONE, 100)
                            .progress("已全部完成").at(deadline.minusDays(3).atTime(10, 0)).build();
                    case 1 -> submission(task.id(), unitId).key("y" + n).status(ProgressStatus.DONE, 100)
                            .progress("已完成").problems("资金拨付晚于计划，完成时间推迟第" + n + "天")
                            .at(deadline.plusDays(5).atTime(10, 0)).build();
                    case 2 -> submission(task.id(), unitId).key("y" + n).status(ProgressStatus.IN_PROGRESS, 40 + n)
                            .progress("推进中").problems(n == 2 ? HOSTILE : "用地指标待批，需协调第" + n + "号地块")
                            .at(LocalDateTime.of(2026, 12, 28, 10, 0)).build();
                    default -> null;
                };
                states.add(new TaskUnitState(2026, task.id(), unitId, s, s == null ? 0 : 3 + n % 5, null,
                        n == 5 ? deadline.plusDays(20) : null));
            }
        }
        return YearSummaryBuilder.build(plan, states, LocalDate.of(2027, 1, 15));
    }
}
