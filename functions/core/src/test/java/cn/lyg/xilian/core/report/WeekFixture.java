package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.core.progress.ProgressStatus.BLOCKED;
import static cn.lyg.xilian.core.progress.ProgressStatus.DONE;
import static cn.lyg.xilian.core.progress.ProgressStatus.IN_PROGRESS;
import static cn.lyg.xilian.core.progress.ProgressStatus.NOT_STARTED;

/**
 * The hand-computed fixture week 2026-W47 (Mon 11-16 … Sun 11-22); the expected numbers are worked out
 * in {@link WeeklySummaryBuilderTest}. Plan issued 2026-06-22, so on 11-22 the pro-rata share of a task
 * due 12-31 is 153/192 = 0.796875.
 *
 * <pre>
 * task   section    units            deadline    notes
 * 1.1    1          ganyu, donghai   2026-12-31  target t1 签约项目 ≥ 10 个 (every unit)
 * 3.1.1  3.1 产业   ganyu            2026-12-10  milestone 12-01 签约
 * 3.1.2  3.1 产业   donghai, guanyun 2026-11-15  (overdue)
 * 3.3.1  3.3 教育   edu              2026-12-31
 * 3.3.2  3.3 教育   guanyun          2026-06-30  (done in June)
 * </pre>
 */
final class WeekFixture {

    static final String GANYU = "ganyu";
    static final String DONGHAI = "donghai";
    static final String GUANYUN = "guanyun";
    static final String EDU = "city-edu";
    static final ReportWeek W47 = new ReportWeek(LocalDate.of(2026, 11, 16));
    static final LocalDate ISSUED = LocalDate.of(2026, 6, 22);

    private WeekFixture() {
    }

    static Plan plan() {
        return PlanBuilder.plan().title("无锡连云港南北结对帮扶合作2026年重点工作计划").issuedOn(ISSUED)
                .sections(new Section("1", "统筹开展两市帮扶合作", null),
                        new Section("3.1", "深化产业领域帮扶合作", Field.INDUSTRY),
                        new Section("3.3", "深化教育领域帮扶合作", Field.EDUCATION))
                .units(unit(GANYU, "赣榆区", UnitKind.COUNTY), unit(DONGHAI, "东海县", UnitKind.COUNTY),
                        unit(GUANYUN, "灌云县", UnitKind.COUNTY), unit(EDU, "市教育局", UnitKind.CITY_DEPARTMENT))
                .tasks(task("1.1", "1", LocalDate.of(2026, 12, 31), List.of(),
                                List.of(new Target("t1", null, "签约项目", new BigDecimal("10"), "个", "签约项目不少于10个")),
                                GANYU, DONGHAI),
                        task("3.1.1", "3.1", LocalDate.of(2026, 12, 10),
                                List.of(new Milestone(LocalDate.of(2026, 12, 1), "签约")), List.of(), GANYU),
                        task("3.1.2", "3.1", LocalDate.of(2026, 11, 15), List.of(), List.of(), DONGHAI, GUANYUN),
                        task("3.3.1", "3.3", LocalDate.of(2026, 12, 31), List.of(), List.of(), EDU),
                        task("3.3.2", "3.3", LocalDate.of(2026, 6, 30), List.of(), List.of(), GUANYUN)).build();
    }

    /** Submissions accepted during W47, plus one of the week before that the builder must ignore. */
    static List<Submission> weekSubmissions() {
        return List.of(
                sub("3.1.1", GANYU, IN_PROGRESS, 30, Map.of(), at(11, 16, 9), null),
                sub("1.1", GANYU, IN_PROGRESS, 60, Map.of("t1", new BigDecimal("7")), at(11, 17, 10), null),
                sub("3.1.2", GUANYUN, DONE, 100, Map.of(), at(11, 18, 15), null),
                sub("3.3.1", EDU, IN_PROGRESS, 40, Map.of(), at(11, 19, 11), null),
                sub("3.1.1", GANYU, BLOCKED, 30, Map.of(), at(11, 20, 16), "资金未到位"),
                sub("3.3.2", GUANYUN, DONE, 100, Map.of(), at(11, 15, 23), null));
    }

    /** The current state: each pair's latest submission. */
    static List<TaskUnitState> states() {
        List<Submission> week = weekSubmissions();
        List<TaskUnitState> states = new ArrayList<>();
        states.add(state(week.get(1)));
        states.add(state(sub("1.1", DONGHAI, IN_PROGRESS, 50, Map.of("t1", new BigDecimal("2")), at(11, 2, 10), null)));
        states.add(state(week.get(4)));
        states.add(new TaskUnitState(2026, "3.1.2", DONGHAI, null));
        states.add(state(week.get(2)));
        states.add(state(week.get(3)));
        states.add(state(sub("3.3.2", GUANYUN, DONE, 100, Map.of(), LocalDateTime.of(2026, 6, 28, 10, 0), null)));
        return states;
    }

    /** The end of W46 as saved by the previous run: 3.3.1/edu and 3.1.2/donghai had not reported. */
    static StatusSnapshot baseline() {
        return new StatusSnapshot(Map.of(
                PairKey.of("1.1", GANYU), IN_PROGRESS,
                PairKey.of("1.1", DONGHAI), IN_PROGRESS,
                PairKey.of("3.1.1", GANYU), NOT_STARTED,
                PairKey.of("3.1.2", GUANYUN), IN_PROGRESS,
                PairKey.of("3.3.2", GUANYUN), DONE));
    }

    static Evaluation evaluation(Plan plan, List<TaskUnitState> states) {
        return new AlertEvaluator().evaluate(plan, states, W47.sunday(), AlertSettings.defaults(),
                WorkCalendar.fromClasspath());
    }

    /** The week as every part of the summary reads it. */
    static Week week(StatusSnapshot baseline) {
        Plan plan = plan();
        List<TaskUnitState> states = states();
        return new Week(plan, W47, states, weekSubmissions(), baseline, evaluation(plan, states));
    }

    static WeeklySummary summary(StatusSnapshot baseline) {
        Plan plan = plan();
        List<TaskUnitState> states = states();
        return new WeeklySummaryBuilder().build(plan, W47, states, weekSubmissions(), baseline, evaluation(plan, states));
    }

    static Submission sub(String taskId, String unitId, ProgressStatus status, int percent,
                          Map<String, BigDecimal> figures, LocalDateTime at, String problems) {
        return SubmissionBuilder.submission(taskId, unitId).key(taskId + "-" + unitId + "-" + at).status(status, percent)
                .figures(figures).progress("推进情况" + taskId).problems(problems).reporter("张三").at(at).build();
    }

    private static LocalDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0);
    }

    private static TaskUnitState state(Submission latest) {
        return new TaskUnitState(2026, latest.taskId(), latest.unitId(), latest);
    }

    private static Unit unit(String id, String name, UnitKind kind) {
        return new Unit(id, name, kind, List.of());
    }

    private static PlanTask task(String id, String sectionId, LocalDate deadline, List<Milestone> milestones,
                                 List<Target> targets, String... unitIds) {
        return TaskBuilder.task(id).section(sectionId).units(unitIds).deadline(deadline).milestones(milestones)
                .targets(targets).build();
    }
}
