package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Reason;
import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.report.Lines.Completion;
import cn.lyg.xilian.core.report.Lines.CompletionGroup;
import cn.lyg.xilian.core.report.Lines.Headline;
import cn.lyg.xilian.core.report.Lines.MissingReport;
import cn.lyg.xilian.core.report.Lines.PairStatusLine;
import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.Lines.StatusChange;
import cn.lyg.xilian.core.report.Lines.SubmissionLine;
import cn.lyg.xilian.core.report.Lines.TargetProgress;
import cn.lyg.xilian.core.report.Lines.TaskRef;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds the {@link WeeklySummary} of one week; a pure function of its inputs.
 *
 * <h2>Inputs, and why they suffice</h2>
 * The current state of every pair (fixed size), the week's submissions (one index query) and the
 * previous week's {@link StatusSnapshot} (one item). The history is never read, so the cost does not
 * grow with it.
 *
 * <h2>Dates</h2>
 * Everything is as of {@code asOf} = the Sunday ending the week ({@link ReportWeek#sunday()}): the lights
 * (the caller evaluates the alert rules for that date), pro-rata expectations and the 30-day window.
 * A retry on Tuesday therefore says what Monday's mail said. Once the week is over its Sunday's
 * deadlines count as passed: "overdue" is a deadline on or before {@code asOf} of a task not done by every
 * unit, "due within 30 days" a deadline in {@code asOf+1 … asOf+30}. (The lights, from the alert rules,
 * still call a Sunday deadline 今天截止.) The current state read at sending time may contain a report
 * made on Monday before the mail went out; it counts, being the freshest fact.
 *
 * <h2>What "status change" means</h2>
 * A pair's status changed this week when its status at the end of the week (its last submission before
 * Monday 00:00) differs from its status at the start of the week, taken from the snapshot saved with the
 * previous week's summary (a pair absent from it had not reported: "未填报 → 推进中" is a change). When
 * that snapshot is missing (the first run, or a skipped week) the start is unknown; the change is then
 * measured from the pair's first submission of the week to its last, so a single report is not a change.
 * A completion is a pair whose end-of-week status is 已完成, having submitted this week, and that was not
 * already 已完成 at the start of the week (unknown counts as not done, so no completion is missed).
 *
 * <h2>Who must report</h2>
 * A unit must report every week on each of its open tasks (not reported 已完成). 催报名单 lists units
 * with at least one open task and no submission on it this week, with those tasks.
 */
public final class WeeklySummaryBuilder {

    /** The look-ahead of "deadlines in the next 30 days". */
    public static final int DUE_WINDOW_DAYS = 30;

    private final LedgerBuilder ledgerBuilder = new LedgerBuilder();

    /**
     * @param states          the current state of every pair ({@code ProgressRepository.allStates})
     * @param weekSubmissions submissions accepted in [week.start, week.end); others are ignored
     * @param baseline        the previous week's end-of-week snapshot, or null when there is none
     * @param evaluation      the alert rules evaluated on {@code states} as of {@code week.sunday()}
     */
    public WeeklySummary build(Plan plan, ReportWeek week, List<TaskUnitState> states,
                               List<Submission> weekSubmissions, @Nullable StatusSnapshot baseline,
                               Evaluation evaluation) {
        return build(plan, week, states, weekSubmissions, baseline, evaluation, Supervision.NONE);
    }

    /**
     * What supervision adds: reports left unreviewed for {@code unreviewedAfterWorkingDays} working days or more
     * (as of the week's Sunday; 0 turns the list off), and each unit's instructions of the week.
     */
    public record Supervision(@Nullable cn.lyg.xilian.core.calendar.WorkCalendar calendar, int unreviewedAfterWorkingDays,
                              Map<String, List<Lines.InstructionLine>> instructionsByUnit,
                              @Nullable java.util.Set<String> reportsWithEvidence) {
        public static final Supervision NONE = new Supervision(null, 0, Map.of(), null);

        /** The key of a report in {@code reportsWithEvidence}. */
        public static String reportKey(String taskId, String unitId, String idempotencyKey) {
            return taskId + "#" + unitId + "#" + idempotencyKey;
        }
    }

    public WeeklySummary build(Plan plan, ReportWeek week, List<TaskUnitState> states,
                               List<Submission> weekSubmissions, @Nullable StatusSnapshot baseline,
                               Evaluation evaluation, Supervision supervision) {
        if (!evaluation.asOf().equals(week.sunday())) {
            throw new IllegalArgumentException("evaluate the lights as of " + week.sunday() + ", not " + evaluation.asOf());
        }
        return new Facts(plan, week, states, weekSubmissions, baseline, evaluation, supervision).summary(ledgerBuilder);
    }

    /** One (task, unit) pair with everything known about it. */
    /** @param deadline the pair's effective deadline (an approved extension, else the plan's) */
    private record Pair(PlanTask task, String unitId, String unitName, @Nullable Submission latest,
                        List<Submission> ofWeek, Assessment assessment, LocalDate deadline) {
        boolean open() {
            return latest == null || latest.status() != ProgressStatus.DONE;
        }

        boolean reportedThisWeek() {
            return !ofWeek.isEmpty();
        }

        int percentForCompletion() {
            if (latest == null) {
                return 0;
            }
            return latest.status() == ProgressStatus.DONE ? 100 : Math.clamp(latest.percent(), 0, 100);
        }
    }

    private static final class Facts {
        private final Plan plan;
        private final ReportWeek week;
        private final LocalDate asOf;
        private final StatusSnapshot baseline;
        private final Evaluation evaluation;
        private final List<TaskUnitState> states;
        private final List<Pair> pairs = new ArrayList<>();
        private final List<Submission> weekSubmissions;
        private final Supervision supervision;

        Facts(Plan plan, ReportWeek week, List<TaskUnitState> states, List<Submission> submissions,
              StatusSnapshot baseline, Evaluation evaluation, Supervision supervision) {
            this.supervision = supervision;
            this.plan = plan;
            this.week = week;
            this.asOf = week.sunday();
            this.baseline = baseline;
            this.evaluation = evaluation;
            this.states = states;
            this.weekSubmissions = submissions.stream()
                    .filter(s -> s.planYear() == plan.year() && week.contains(s.submittedAt()))
                    .filter(s -> plan.task(s.taskId()).map(t -> t.isResponsible(s.unitId())).orElse(false))
                    .sorted(Comparator.comparing(Submission::submittedAt).thenComparing(Submission::idempotencyKey))
                    .toList();

            StateIndex stateByPair = StateIndex.of(states);
            Map<String, Assessment> assessmentByPair = evaluation.assessmentsByPair();
            Map<String, List<Submission>> weekByPair = new HashMap<>();
            this.weekSubmissions.forEach(s ->
                    weekByPair.computeIfAbsent(PairKey.of(s.taskId(), s.unitId()), k -> new ArrayList<>()).add(s));

            for (PlanTask task : plan.tasks()) {
                for (String unitId : task.unitIds()) {
                    String key = PairKey.of(task.id(), unitId);
                    TaskUnitState state = stateByPair.state(task.id(), unitId);
                    pairs.add(new Pair(task, unitId, unitName(unitId), state == null ? null : state.latest(),
                            weekByPair.getOrDefault(key, List.of()),
                            assessmentByPair.getOrDefault(key, new Assessment(task.id(), unitId, Light.GREEN, List.of())),
                            state == null ? task.deadline() : state.deadline(task)));
                }
            }
        }

        WeeklySummary summary(LedgerBuilder ledgerBuilder) {
            return new WeeklySummary(plan.year(), plan.title(), week, asOf, headline(),
                    bySection(), byField(), byUnit(), submissionLines(p -> true), statusChanges(), completions(),
                    missingReports(), redItems(), upcoming(p -> true), targets(), baseline != null,
                    endOfWeekStatuses(), ledgerBuilder.build(plan, states, evaluation), unitDigests(), unreviewed(),
                    supervision.reportsWithEvidence() == null ? List.of() : submissionLines(s -> !supervision
                            .reportsWithEvidence().contains(Supervision.reportKey(s.taskId(), s.unitId(), s.idempotencyKey()))),
                    null); // the run adds a missing holiday calendar (SendWeeklySummary): it is news of the day, not of the week
        }

        // ---- headline and groupings ----

        private Headline headline() {
            int green = 0, yellow = 0, red = 0, completed = 0, overdue = 0, dueSoon = 0;
            for (PlanTask task : plan.tasks()) {
                switch (evaluation.taskLights().getOrDefault(task.id(), Light.GREEN)) {
                    case GREEN -> green++;
                    case YELLOW -> yellow++;
                    case RED -> red++;
                }
                boolean done = pairsOf(task).stream().noneMatch(Pair::open);
                long daysLeft = ChronoUnit.DAYS.between(asOf, task.deadline());
                if (done) {
                    completed++;
                } else if (daysLeft <= 0) {
                    overdue++;
                } else if (daysLeft <= DUE_WINDOW_DAYS) {
                    dueSoon++;
                }
            }
            return new Headline(plan.tasks().size(), green, yellow, red, completed, overdue, dueSoon);
        }

        private List<CompletionGroup> bySection() {
            List<CompletionGroup> groups = new ArrayList<>();
            for (Section section : plan.sections()) {
                List<Pair> of = pairs.stream().filter(p -> p.task().sectionId().equals(section.id())).toList();
                if (!of.isEmpty()) {
                    groups.add(group(section.id(), section.title(), of));
                }
            }
            return groups;
        }

        /** All six fields, even one without tasks, so the table always has the same rows. */
        private List<CompletionGroup> byField() {
            List<CompletionGroup> groups = new ArrayList<>();
            for (Field field : Field.values()) {
                List<Pair> of = pairs.stream()
                        .filter(p -> plan.section(p.task().sectionId()).map(Section::field).orElse(null) == field)
                        .toList();
                groups.add(group(field.name(), field.label(), of));
            }
            return groups;
        }

        private List<CompletionGroup> byUnit() {
            List<CompletionGroup> groups = new ArrayList<>();
            for (Unit unit : plan.units()) {
                List<Pair> of = pairsOfUnit(unit.id());
                if (!of.isEmpty()) {
                    groups.add(group(unit.id(), unit.name(), of));
                }
            }
            return groups;
        }

        private static CompletionGroup group(String key, String label, List<Pair> of) {
            int done = (int) of.stream().filter(p -> !p.open()).count();
            int average = of.isEmpty() ? 0 : BigDecimal.valueOf(of.stream().mapToInt(Pair::percentForCompletion).sum())
                    .divide(BigDecimal.valueOf(of.size()), 0, RoundingMode.HALF_UP).intValue();
            return new CompletionGroup(key, label, of.size(), done, average);
        }

        // ---- what changed ----

        private List<SubmissionLine> submissionLines(Predicate<Submission> which) {
            return weekSubmissions.stream().filter(which).map(s -> new SubmissionLine(s.taskId(),
                    taskTitle(s.taskId()), s.unitId(), unitName(s.unitId()), s.submittedAt(),
                    s.submittedAt().atZone(PlanTime.ZONE).toLocalDate(), s.status(), s.percent(),
                    s.progress() == null ? "" : s.progress())).toList();
        }

        private List<StatusChange> statusChanges() {
            List<StatusChange> changes = new ArrayList<>();
            for (Pair p : pairs) {
                if (!p.reportedThisWeek()) {
                    continue;
                }
                ProgressStatus from = baseline != null
                        ? baseline.statusOf(p.task().id(), p.unitId()).orElse(null)
                        : p.ofWeek().getFirst().status();
                ProgressStatus to = p.ofWeek().getLast().status();
                if (from != to) {
                    changes.add(new StatusChange(p.task().id(), p.task().title(), p.unitId(), p.unitName(), from, to));
                }
            }
            return changes;
        }

        private List<Completion> completions() {
            List<Completion> done = new ArrayList<>();
            for (Pair p : pairs) {
                if (!p.reportedThisWeek() || p.ofWeek().getLast().status() != ProgressStatus.DONE) {
                    continue;
                }
                boolean doneBefore = baseline != null
                        && baseline.statusOf(p.task().id(), p.unitId()).orElse(null) == ProgressStatus.DONE;
                if (!doneBefore) {
                    done.add(new Completion(p.task().id(), p.task().title(), p.unitId(), p.unitName(),
                            p.ofWeek().getLast().submittedAt().atZone(PlanTime.ZONE).toLocalDate()));
                }
            }
            return done;
        }

        /**
         * The status of each pair when the week ended. A pair whose only newer report came after the week
         * (Monday before sending) keeps its start-of-week status; without a baseline its current status
         * stands in for it — the one approximation, and it only shifts which week a change is shown in.
         */
        private StatusSnapshot endOfWeekStatuses() {
            Map<String, ProgressStatus> statuses = new TreeMap<>();
            for (Pair p : pairs) {
                ProgressStatus status;
                if (p.reportedThisWeek()) {
                    status = p.ofWeek().getLast().status();
                } else if (p.latest() == null) {
                    status = null;
                } else if (p.latest().submittedAt().isBefore(week.end()) || baseline == null) {
                    status = p.latest().status();
                } else {
                    status = baseline.statusOf(p.task().id(), p.unitId()).orElse(null);
                }
                if (status != null) {
                    statuses.put(PairKey.of(p.task().id(), p.unitId()), status);
                }
            }
            return new StatusSnapshot(statuses);
        }

        // ---- what needs attention ----

        private List<MissingReport> missingReports() {
            List<MissingReport> missing = new ArrayList<>();
            for (Unit unit : plan.units()) {
                List<TaskRef> tasks = notReported(unit.id());
                if (!tasks.isEmpty()) {
                    missing.add(new MissingReport(unit.id(), unit.name(), tasks));
                }
            }
            return missing;
        }

        private List<TaskRef> notReported(String unitId) {
            return pairsOfUnit(unitId).stream().filter(p -> p.open() && !p.reportedThisWeek())
                    .map(p -> new TaskRef(p.task().id(), p.task().title(), p.deadline())).toList();
        }

        private List<RedItem> redItems() {
            return pairs.stream().filter(p -> p.assessment().light() == Light.RED)
                    .map(p -> new RedItem(p.task().id(), p.task().title(), p.unitId(), p.unitName(),
                            p.assessment().reasons().stream().map(Reason::text).toList()))
                    .toList();
        }

        /** Deadlines and milestones in asOf+1 … asOf+30 of tasks with an open pair among {@code which}. */
        private List<UpcomingDeadline> upcoming(Predicate<Pair> which) {
            List<UpcomingDeadline> upcoming = new ArrayList<>();
            for (PlanTask task : plan.tasks()) {
                List<String> openUnits = pairsOf(task).stream().filter(which).filter(Pair::open)
                        .map(Pair::unitName).toList();
                if (openUnits.isEmpty()) {
                    continue;
                }
                datedPoints(task).forEach((due, what) -> {
                    long daysLeft = ChronoUnit.DAYS.between(asOf, due);
                    if (daysLeft >= 1 && daysLeft <= DUE_WINDOW_DAYS) {
                        upcoming.add(new UpcomingDeadline(task.id(), task.title(), due, what, daysLeft, openUnits));
                    }
                });
            }
            // stable sort: same day keeps plan order
            upcoming.sort(Comparator.comparing(UpcomingDeadline::due));
            return upcoming;
        }

        /** The deadline ("完成时限") and each other milestone date with its descriptions joined. */
        private static Map<LocalDate, String> datedPoints(PlanTask task) {
            Map<LocalDate, String> points = new LinkedHashMap<>();
            points.put(task.deadline(), "完成时限");
            Map<LocalDate, List<String>> milestones = new TreeMap<>();
            for (Milestone m : task.milestones()) {
                if (!m.due().equals(task.deadline())) {
                    milestones.computeIfAbsent(m.due(), d -> new ArrayList<>()).add(m.description());
                }
            }
            milestones.forEach((due, descriptions) -> points.put(due, "节点：" + String.join("、", descriptions)));
            return points;
        }

        private List<TargetProgress> targets() {
            List<TargetProgress> lines = new ArrayList<>();
            for (Pair p : pairs) {
                BigDecimal fraction = expectedFraction(p.task());
                for (Target target : p.task().targetsFor(p.unitId())) {
                    if (target.minimum().signum() <= 0) {
                        continue;
                    }
                    BigDecimal reported = p.latest() == null ? BigDecimal.ZERO
                            : p.latest().figures().getOrDefault(target.id(), BigDecimal.ZERO);
                    BigDecimal expected = target.minimum().multiply(fraction).setScale(1, RoundingMode.HALF_UP);
                    lines.add(new TargetProgress(p.task().id(), p.task().title(), p.unitId(), p.unitName(),
                            target.metric(), target.measure(), target.minimum(), reported, expected,
                            expected.subtract(reported)));
                }
            }
            return lines;
        }

        /** The alert rules' pro-rata share: (asOf − issuedOn) / (deadline − issuedOn), clamped to [0, 1]. */
        private BigDecimal expectedFraction(PlanTask task) {
            long span = ChronoUnit.DAYS.between(plan.issuedOn(), task.deadline());
            if (span <= 0) {
                return BigDecimal.ONE;
            }
            long elapsed = Math.clamp(ChronoUnit.DAYS.between(plan.issuedOn(), asOf), 0, span);
            return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(span), 6, RoundingMode.HALF_UP);
        }

        // ---- unit digests ----

        private List<UnitDigest> unitDigests() {
            List<UnitDigest> digests = new ArrayList<>();
            for (Unit unit : plan.units()) {
                List<Pair> own = pairsOfUnit(unit.id());
                if (own.isEmpty()) {
                    continue;
                }
                List<PairStatusLine> lines = own.stream().map(p -> new PairStatusLine(p.task().id(), p.task().title(),
                        p.deadline(), p.latest() == null ? null : p.latest().status(),
                        p.latest() == null ? null : p.latest().percent(), p.assessment().light(),
                        p.assessment().reasons().stream().map(Reason::text).toList())).toList();
                UnitDigest digest = new UnitDigest(plan.year(), plan.title(), week, asOf, unit.id(), unit.name(),
                        submissionLines(s -> s.unitId().equals(unit.id())), lines,
                        upcoming(p -> p.unitId().equals(unit.id())), notReported(unit.id()),
                        supervision.instructionsByUnit().getOrDefault(unit.id(), List.of()));
                if (digest.hasSomethingToSay()) {
                    digests.add(digest);
                }
            }
            return digests;
        }

        /** Assigned pairs whose latest report (at the week's end) has waited for review N working days or more. */
        private List<Lines.UnreviewedReport> unreviewed() {
            if (supervision.calendar() == null || supervision.unreviewedAfterWorkingDays() <= 0) {
                return List.of();
            }
            List<Lines.UnreviewedReport> out = new ArrayList<>();
            for (TaskUnitState s : states) {
                if (s.latest() == null || s.review() != null || plan.task(s.taskId()).isEmpty()) {
                    continue;
                }
                LocalDate on = s.latest().submittedAt().atZone(PlanTime.ZONE).toLocalDate();
                int working = 0;
                for (LocalDate d = on.plusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
                    if (supervision.calendar().isWorkingDay(d)) {
                        working++;
                    }
                }
                if (working >= supervision.unreviewedAfterWorkingDays()) {
                    out.add(new Lines.UnreviewedReport(s.taskId(), taskTitle(s.taskId()), unitName(s.unitId()), on, working));
                }
            }
            out.sort(Comparator.comparing(Lines.UnreviewedReport::submittedOn).thenComparing(Lines.UnreviewedReport::taskId));
            return out;
        }

        // ---- lookups ----

        private List<Pair> pairsOf(PlanTask task) {
            return pairs.stream().filter(p -> p.task() == task).toList();
        }

        private List<Pair> pairsOfUnit(String unitId) {
            return pairs.stream().filter(p -> p.unitId().equals(unitId)).toList();
        }

        private String unitName(String unitId) {
            return plan.unit(unitId).map(Unit::name).orElse(unitId);
        }

        private String taskTitle(String taskId) {
            return plan.task(taskId).map(PlanTask::title).orElse(taskId);
        }
    }
}
