package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.alert.PairAssessments;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.LedgerBuilder;
import cn.lyg.xilian.core.report.LedgerRow;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.progress.StateIndex;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live status board and its ledger download. Reads only the current state (one item per (task, unit):
 * {@link ProgressRepository#allStates} for a coordinator, {@link ProgressRepository#statesOfUnit} for a unit), so
 * its cost is fixed by the catalog, never by the length of the history. Lights come from the same
 * {@link AlertEvaluator} and settings as the alert scan, as of today in Asia/Shanghai.
 *
 * <p>Access: a coordinator sees every pair; a unit sees only its own pairs, also in the downloads, and asking
 * for another unit is refused ({@link Refused#otherUnit}), not quietly narrowed, so a wrong link is noticed.
 */
public class StatusBoard {

    private final ProgressRepository progress;
    private final AlertRules rules;
    private final LedgerBuilder ledgerBuilder;
    private final Clock clock;

    public StatusBoard(ProgressRepository progress, AlertRules rules, LedgerBuilder ledgerBuilder, Clock clock) {
        this.progress = progress;
        this.rules = rules;
        this.ledgerBuilder = ledgerBuilder;
        this.clock = clock;
    }

    /** Today in Asia/Shanghai: the date every light and every "days left" is computed for. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlanTime.ZONE));
    }

    /** The current state the viewer may see, with its evaluation as of today. */
    public record Snapshot(Plan plan, List<TaskUnitState> states, Evaluation evaluation) {

        public StateIndex index() {
            return StateIndex.of(states);
        }
    }

    public Snapshot snapshot(Plan plan, Principal who) {
        List<TaskUnitState> states = who.coordinator() ? progress.allStates(plan.year())
                : progress.statesOfUnit(plan.year(), who.unitId());
        return new Snapshot(plan, states, evaluate(plan, states));
    }

    /**
     * Evaluates the plan over the given states as of today. Pairs without a state count as never reported,
     * so only the pairs whose states were given are meaningful (e.g. one task's pairs on the task page).
     */
    public Evaluation evaluate(Plan plan, List<TaskUnitState> states) {
        return rules.evaluate(plan, states, today());
    }

    public Board board(Plan plan, Principal who, BoardQuery query) {
        String scopeUnit = scopeUnit(who, query); // refused before anything is read
        Snapshot snap = snapshot(plan, who);
        List<BoardRow> rows = rows(snap, query, scopeUnit);
        int[] counts = new int[Light.values().length];
        rows.forEach(r -> counts[r.light().ordinal()]++);
        return new Board(snap.evaluation().asOf(), query, scopeUnit, rows, bars(snap.plan(), rows),
                counts[Light.RED.ordinal()], counts[Light.YELLOW.ordinal()], counts[Light.GREEN.ordinal()]);
    }

    /**
     * The ledger of exactly the pairs on the board with the same filters, in the board's order: the same
     * columns and values as the weekly attachment ({@link LedgerBuilder}), narrowed to what the viewer sees.
     */
    public Ledger ledger(Plan plan, Principal who, BoardQuery query) {
        String scopeUnit = scopeUnit(who, query); // refused before anything is read
        Snapshot snap = snapshot(plan, who);
        Ledger full = ledgerBuilder.build(snap.plan(), snap.states(), snap.evaluation());
        Map<String, LedgerRow> byPair = new HashMap<>();
        full.rows().forEach(r -> byPair.put(PairKey.of(r.taskId(), r.unitId()), r));
        List<LedgerRow> rows = new ArrayList<>();
        for (BoardRow row : rows(snap, query, scopeUnit)) {
            for (UnitLine u : row.units()) {
                rows.add(byPair.get(PairKey.of(row.task().id(), u.unitId())));
            }
        }
        return new Ledger(full.planYear(), full.planTitle(), full.asOf(), rows);
    }

    /** "锡连帮扶台账-2026-08-05", or "锡连帮扶台账-灌南县-2026-08-05" when only one unit's rows are in it. */
    public String fileBaseName(Plan plan, Principal who, BoardQuery query, Ledger ledger) {
        String unit = scopeUnit(who, query);
        return unit == null ? ledger.fileBaseName()
                : "锡连帮扶台账-" + plan.unit(unit).map(Unit::name).orElse(unit) + "-" + ledger.asOf();
    }

    /** The one unit whose pairs are shown, or null for every unit (coordinator without unit filter). */
    @Nullable
    private static String scopeUnit(Principal who, BoardQuery query) {
        if (who.coordinator()) {
            return query.unitId();
        }
        if (query.unitId() != null && !query.unitId().equals(who.unitId())) {
            throw Refused.otherUnit();
        }
        return who.unitId();
    }

    private List<BoardRow> rows(Snapshot snap, BoardQuery query, @Nullable String scopeUnit) {
        Plan plan = snap.plan();
        StateIndex states = snap.index();
        PairAssessments assessments = snap.evaluation().assessmentsByPair();
        LocalDate today = snap.evaluation().asOf();

        List<BoardRow> rows = new ArrayList<>();
        List<PlanTask> tasks = plan.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            PlanTask task = tasks.get(i);
            if (scopeUnit != null && !task.isResponsible(scopeUnit)) {
                continue;
            }
            Section section = plan.section(task.sectionId()).orElse(null);
            if (query.sectionId() != null && !task.sectionId().equals(query.sectionId())) {
                continue;
            }
            if (query.field() != null && (section == null || section.field() != query.field())) {
                continue;
            }
            List<UnitLine> units = new ArrayList<>();
            for (String unitId : task.unitIds()) {
                if (scopeUnit != null && !unitId.equals(scopeUnit)) {
                    continue;
                }
                Assessment a = assessments.of(task.id(), unitId);
                TaskUnitState s = states.state(task.id(), unitId);
                units.add(new UnitLine(unitId, plan.unit(unitId).map(Unit::name).orElse(unitId), a.light(),
                        withSupervision(a.summary(), task, s), s == null ? null : s.latest()));
            }
            if (query.awaitingReview() && units.stream().map(u -> states.state(task.id(), u.unitId()))
                    .noneMatch(s -> s != null && s.reported() && s.review() == null)) {
                continue;
            }
            Light light = units.stream().map(UnitLine::light).reduce(Light.GREEN, Light::worst);
            if ((query.light() != null && light != query.light()) || (query.notGreen() && light == Light.GREEN)) {
                continue;
            }
            int percent = (int) Math.round(units.stream().mapToInt(UnitLine::percentOrZero).average().orElse(0));
            int reported = (int) units.stream().filter(UnitLine::reported).count();
            Deadline deadline = units.size() == 1 ? Deadline.of(task, states.state(task.id(), units.get(0).unitId()))
                    : new Deadline(task.deadline(), null);
            rows.add(new BoardRow(task, section == null ? task.sectionId() : section.title(),
                    section == null || section.field() == null ? "" : section.field().label(), light, percent,
                    reported, deadline, java.time.temporal.ChronoUnit.DAYS.between(today, deadline.effective()), i,
                    units));
        }
        rows.sort(order(query.sort()));
        return rows;
    }

    /** The review of the latest report and an approved extension, beside the light's reasons. */
    private static String withSupervision(String summary, PlanTask task, TaskUnitState s) {
        if (s == null) {
            return summary;
        }
        List<String> parts = new ArrayList<>();
        if (!summary.isEmpty()) {
            parts.add(summary);
        }
        if (s.returned()) {
            parts.add("填报已退回：" + s.review().reason());
        }
        if (!s.evidence().isEmpty()) {
            parts.add("佐证材料" + s.evidence().size() + "个");
        }
        if (s.extendedDeadline() != null) {
            parts.add(Deadline.of(task, s).text());
        }
        return String.join("；", parts);
    }

    static Comparator<BoardRow> order(BoardQuery.Sort sort) {
        Comparator<BoardRow> plan = Comparator.comparingInt(BoardRow::planIndex);
        return switch (sort) {
            case PLAN -> plan;
            case DEADLINE -> Comparator.comparing((BoardRow r) -> r.deadline().effective()).thenComparing(plan);
            // Worst light first; among equals the nearest (or most overdue) deadline, then the least done.
            case RISK -> Comparator.comparing(BoardRow::light, Comparator.reverseOrder())
                    .thenComparingLong(BoardRow::daysLeft)
                    .thenComparingInt(BoardRow::percent)
                    .thenComparing(plan);
        };
    }

    /** Completion by field over the pairs on the board; the two sections without a field get their own bar. */
    private static List<FieldBar> bars(Plan plan, List<BoardRow> rows) {
        Map<String, int[]> sums = new LinkedHashMap<>(); // label → {percent sum, pairs, done}
        for (Section s : plan.sections()) {
            sums.put(barLabel(s), new int[3]);
        }
        for (BoardRow row : rows) {
            int[] sum = sums.computeIfAbsent(row.fieldLabel().isEmpty() ? row.sectionTitle() : row.fieldLabel(),
                    k -> new int[3]);
            for (UnitLine u : row.units()) {
                sum[0] += u.percentOrZero();
                sum[1]++;
                if (u.latest() != null && u.latest().status() == ProgressStatus.DONE) {
                    sum[2]++;
                }
            }
        }
        List<FieldBar> bars = new ArrayList<>();
        sums.forEach((label, sum) -> {
            if (sum[1] > 0) {
                bars.add(new FieldBar(label, Math.round((float) sum[0] / sum[1]), sum[1], sum[2]));
            }
        });
        return bars;
    }

    private static String barLabel(Section s) {
        return s.field() == null ? s.title() : s.field().label();
    }
}
