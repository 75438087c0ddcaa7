package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.alert.PairAssessments;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.HistoryPage;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.supervision.TaskSupervision;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The read side of tasks: a unit's own tasks, the coordinators' overview, one task's page, and the same for
 * the JSON API. Access is decided here (a unit sees its own tasks and units only); a refused read is a
 * {@link Refused}. Lights come from {@link StatusBoard}'s evaluation, as of today.
 */
public class TaskQueries {

    private final ProgressRepository progress;
    private final StatusBoard board;
    private final Supervise supervise;

    public TaskQueries(ProgressRepository progress, StatusBoard board, Supervise supervise) {
        this.progress = progress;
        this.board = board;
        this.supervise = supervise;
    }

    /**
     * A unit's tasks with its own status on each and what changed since it last looked: two queries whatever the
     * number of tasks (the unit's states, its inbox), none per task.
     */
    public MyTasks myTasks(Plan plan, Principal who) {
        StatusBoard.Snapshot snap = board.snapshot(plan, who);
        Statuses statuses = new Statuses(snap);
        java.util.Map<String, List<cn.lyg.xilian.core.supervision.UnitInbox.Entry>> news = new java.util.HashMap<>();
        supervise.news(plan, who).stream()
                .sorted(java.util.Comparator.comparing(cn.lyg.xilian.core.supervision.UnitInbox.Entry::at))
                .forEach(e -> news.computeIfAbsent(e.taskId(), k -> new ArrayList<>()).add(e));
        return new MyTasks(who.unitId(), plan.tasksFor(who.unitId()).stream()
                .map(t -> statuses.of(t, who.unitId())).toList(), news);
    }

    /** Every task with every unit's status; coordinators only. */
    public Overview overview(Plan plan, Principal who) {
        if (!who.coordinator()) {
            throw Refused.coordinatorOnly();
        }
        StatusBoard.Snapshot snap = board.snapshot(plan, who);
        Statuses statuses = new Statuses(snap);
        List<Overview.Row> rows = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            rows.add(new Overview.Row(t, snap.evaluation().taskLights().get(t.id()),
                    t.unitIds().stream().map(u -> statuses.of(t, u)).toList()));
        }
        return new Overview(rows);
    }

    /** The task if it exists and the reader may see it. */
    public PlanTask visibleTask(Plan plan, Principal who, String taskId) {
        PlanTask task = plan.task(taskId).orElseThrow(() -> Refused.unknownTask(taskId));
        if (!who.maySee(task)) {
            throw Refused.notResponsible(taskId);
        }
        return task;
    }

    /**
     * One task's page. Each visible unit shows the newest page of its history, except {@code pagedUnit}, which
     * shows the page after {@code before}. Opening the page marks the reader's instructions read.
     */
    public TaskPage taskPage(Plan plan, Principal who, String taskId, @Nullable String pagedUnit,
                             HistoryPage.@Nullable Cursor before) {
        PlanTask task = visibleTask(plan, who, taskId);
        List<TaskUnitState> states = progress.statesOfTask(plan.year(), task.id());
        Statuses statuses = new Statuses(StateIndex.of(states), board.evaluate(plan, states));
        TaskSupervision sup = supervise.open(plan, who, task);
        List<TaskPage.UnitBlock> units = new ArrayList<>();
        for (String unitId : visibleUnits(who, task)) {
            PairStatus status = statuses.of(task, unitId);
            boolean paged = unitId.equals(pagedUnit) && before != null;
            HistoryPage history = progress.historyPage(plan.year(), task.id(), unitId, paged ? before : null,
                    HistoryPage.DEFAULT_SIZE);
            Submission latest = status.latest();
            units.add(new TaskPage.UnitBlock(status, sup.pending(unitId).orElse(null), sup.extensionsOf(unitId),
                    latest == null ? 0 : sup.filesOf(unitId, latest.idempotencyKey()).size(), history, paged));
        }
        boolean canReport = who.mayReport(task);
        Deadline deadline = canReport && !units.isEmpty() ? units.get(0).status().deadline()
                : new Deadline(task.deadline(), null);
        return new TaskPage(task, canReport, canReport ? task.targetsFor(who.unitId()) : List.of(), deadline, sup,
                units);
    }

    /** One stored report, for its confirmation page: the reader's own unit's, or any for a coordinator. */
    public Submission submission(Plan plan, Principal who, String taskId, String unitId, String key) {
        visibleTask(plan, who, taskId);
        if (!who.coordinator() && !unitId.equals(who.unitId())) {
            throw Refused.notResponsible(taskId);
        }
        return progress.find(plan.year(), taskId, unitId, key).orElseThrow(Refused::submissionNotFound);
    }

    /**
     * Tasks with the latest status per unit: a unit's own tasks and status; a coordinator's all, or one
     * unit's ({@code unitFilter}). A unit asking for another unit is refused, not narrowed.
     */
    public List<TaskList.Item> tasks(Plan plan, Principal who, @Nullable String unitFilter) {
        if (unitFilter != null && !who.coordinator() && !unitFilter.equals(who.unitId())) {
            throw Refused.otherUnit();
        }
        String only = who.coordinator() ? unitFilter : who.unitId();
        if (only != null && plan.unit(only).isEmpty()) {
            throw Refused.unknownUnit(only);
        }
        List<TaskUnitState> states = only == null ? progress.allStates(plan.year())
                : progress.statesOfUnit(plan.year(), only);
        Statuses statuses = new Statuses(StateIndex.of(states), board.evaluate(plan, states));
        return (only == null ? plan.tasks() : plan.tasksFor(only)).stream()
                .map(t -> item(who, t, statuses, only)).toList();
    }

    /** One task with the visible units' status and one page of their merged history. */
    public TaskList.Detail task(Plan plan, Principal who, String taskId, HistoryPage.@Nullable Cursor after,
                                int size) {
        PlanTask task = visibleTask(plan, who, taskId);
        List<TaskUnitState> states = progress.statesOfTask(plan.year(), taskId);
        Statuses statuses = new Statuses(StateIndex.of(states), board.evaluate(plan, states));
        String only = who.coordinator() ? null : who.unitId();
        HistoryPage page = progress.historyPage(plan.year(), taskId, visibleUnits(who, task), after, size);
        return new TaskList.Detail(item(who, task, statuses, only), page);
    }

    private static TaskList.Item item(Principal who, PlanTask t, Statuses statuses, @Nullable String only) {
        List<PairStatus> units = t.unitIds().stream().filter(u -> only == null || only.equals(u))
                .map(u -> statuses.of(t, u)).toList();
        return new TaskList.Item(t, who.unitId() != null && !who.coordinator() ? t.targetsFor(who.unitId())
                : t.targets(), units);
    }

    private static List<String> visibleUnits(Principal who, PlanTask task) {
        return who.coordinator() ? task.unitIds()
                : task.unitIds().stream().filter(u -> u.equals(who.unitId())).toList();
    }

    /** States and lights of the pairs read, looked up by (task, unit). */
    private static final class Statuses {
        private final StateIndex states;
        private final PairAssessments lights;

        Statuses(StatusBoard.Snapshot snap) {
            this(snap.index(), snap.evaluation());
        }

        Statuses(StateIndex states, Evaluation evaluation) {
            this.states = states;
            this.lights = evaluation.assessmentsByPair();
        }

        /** The evaluation assesses every pair of the plan, reported or not. */
        PairStatus of(PlanTask task, String unitId) {
            return new PairStatus(task, unitId, states.state(task.id(), unitId),
                    lights.of(task.id(), unitId));
        }
    }
}
