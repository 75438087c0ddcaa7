package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The alert use case: evaluate → record new findings (de-duplicated by key) → group everything still
 * pending per audience → render one email per audience → send → mark delivered.
 *
 * <p>Delivery is at least once: a failed send (or a crash before marking) leaves the items pending
 * and they go out on the next run, in a message with the same Message-ID when the batch is unchanged.
 * One audience's failure never blocks another's. On a quiet day nothing is sent, pending items
 * included; the event-driven {@link #onSubmission} path sends right away whatever the day.
 */
public final class RunAlertScan {

    /** Which items the coordinators' consolidated email carries. Red items reach them in any case. */
    public enum CoordinatorCopy {
        /** Every item of every unit. */
        ALL,
        /** Only red items and units' own 受阻/滞后 reports. */
        RED_ONLY
    }

    private static final String COORDINATORS_NAME = "市发改委";

    private final CatalogRepository catalog;
    private final ProgressRepository progress;
    private final AlertRepository alerts;
    private final ContactDirectory contacts;
    private final AlertMailRenderer renderer;
    private final MailTransport transport;
    private final AlertRules rules;
    private final CoordinatorCopy coordinatorCopy;
    private final Clock clock;
    private final AlertChat chat;

    public RunAlertScan(CatalogRepository catalog, ProgressRepository progress, AlertRepository alerts,
                        ContactDirectory contacts, AlertMailRenderer renderer, MailTransport transport,
                        AlertRules rules,
                        CoordinatorCopy coordinatorCopy, Clock clock) {
        this(catalog, progress, alerts, contacts, renderer, transport, rules, coordinatorCopy, clock,
                AlertChat.NONE);
    }

    /** @param chat the group robots, beside email: see {@link AlertRecord} for which alerts go to chat */
    public RunAlertScan(CatalogRepository catalog, ProgressRepository progress, AlertRepository alerts,
                        ContactDirectory contacts, AlertMailRenderer renderer, MailTransport transport,
                        AlertRules rules,
                        CoordinatorCopy coordinatorCopy, Clock clock, AlertChat chat) {
        this.chat = chat;
        this.catalog = catalog;
        this.progress = progress;
        this.alerts = alerts;
        this.contacts = contacts;
        this.renderer = renderer;
        this.transport = transport;
        this.rules = rules;
        this.coordinatorCopy = coordinatorCopy;
        this.clock = clock;
    }

    /** The scheduled scan, as of today in Asia/Shanghai. */
    public ScanReport run(int planYear) {
        return run(planYear, today());
    }

    public ScanReport run(int planYear, LocalDate asOf) {
        Plan plan = plan(planYear);
        List<TaskUnitState> states = progress.allStates(planYear);
        Evaluation evaluation = rules.evaluate(plan, states, asOf);
        List<Finding> due = new ArrayList<>(evaluation.due());
        if (evaluation.sendingDay()) { // like every scan finding, it waits for the next working day
            due.addAll(reportedStatusBackstop(plan, states));
        }
        List<AlertRecord> recorded = record(due);
        if (!evaluation.sendingDay()) {
            return new ScanReport(asOf, due.size(), recorded.size(), List.of(), List.of(), List.of());
        }
        return deliver(plan, states, asOf, due.size(), recorded, audience -> true);
    }

    /**
     * The daily scan raises the event-driven 受阻/滞后 alert too, for every pair whose latest report is
     * 受阻/滞后: its occurrence is keyed by the submission's idempotency key, so when the stream handler
     * got there first this records nothing, and when the stream was late, broken or absent (dynalite
     * has none) the submission still gets its evaluation. Only the latest report can be seen here: the
     * scan reads current state, never history.
     */
    private List<Finding> reportedStatusBackstop(Plan plan, List<TaskUnitState> states) {
        List<Finding> findings = new ArrayList<>();
        for (TaskUnitState state : states) {
            if (state.latest() != null) {
                rules.evaluateSubmission(plan, state.latest()).ifPresent(findings::add);
            }
        }
        return findings;
    }

    /**
     * The stream path when only the submission's key is known (a keys-only stream record): reads the
     * submission back, then as {@link #onSubmission}.
     *
     * @throws IllegalStateException when no such submission is stored (the caller should retry)
     */
    public ScanReport onStoredSubmission(int planYear, String taskId, String unitId, String idempotencyKey) {
        Submission submission = progress.find(planYear, taskId, unitId, idempotencyKey)
                .orElseThrow(() -> new IllegalStateException("no submission " + planYear + "/" + taskId + "/"
                        + unitId + "/" + idempotencyKey));
        return onSubmission(submission);
    }

    /** The event-driven path: a 受阻/滞后 report alerts the coordinators right away. */
    public ScanReport onSubmission(Submission submission) {
        LocalDate asOf = today();
        if (!AlertEvaluator.mayAlertOnSubmission(submission)) {
            // Most reports (推进中, 已完成, 未启动) raise nothing: do not read the whole plan (a Query of every
            // catalog item) for them.
            return new ScanReport(asOf, 0, 0, List.of(), List.of(), List.of());
        }
        Plan plan = plan(submission.planYear());
        Optional<Finding> finding = rules.evaluateSubmission(plan, submission);
        if (finding.isEmpty()) {
            return new ScanReport(asOf, 0, 0, List.of(), List.of(), List.of());
        }
        List<AlertRecord> recorded = record(finding.stream().toList());
        return deliver(plan, progress.allStates(plan.year()), asOf, 1, recorded, Audience::isCoordinators);
    }

    private Plan plan(int planYear) {
        return catalog.plan(planYear).orElseThrow(() -> new IllegalStateException("no plan for " + planYear));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlanTime.ZONE));
    }

    /** Records the findings; returns those that were new. */
    private List<AlertRecord> record(List<Finding> findings) {
        List<AlertRecord> created = new ArrayList<>();
        for (Finding finding : findings) {
            AlertRecord alert = AlertRecord.newlyFound(finding, audiencesOf(finding), chat::hasRobot, clock.instant());
            if (alerts.recordIfAbsent(alert)) {
                created.add(alert);
            }
        }
        return created;
    }

    /** A unit hears about its own items; a unit's own 受阻/滞后 report goes to the coordinators only. */
    private Set<Audience> audiencesOf(Finding finding) {
        Set<Audience> audiences = new LinkedHashSet<>();
        if (finding.rule() != Rule.REPORTED_BLOCKED) {
            audiences.add(Audience.unit(finding.unitId()));
        }
        if (coordinatorCopy == CoordinatorCopy.ALL || finding.light() == Light.RED
                || finding.rule() == Rule.REPORTED_BLOCKED) {
            audiences.add(Audience.COORDINATORS);
        }
        return audiences;
    }

    private ScanReport deliver(Plan plan, List<TaskUnitState> states, LocalDate asOf, int found,
                               List<AlertRecord> recorded, Predicate<Audience> which) {
        // A store may list pending alerts from an eventually consistent index (DynamoDB's GSI): what this
        // run has just recorded is added by key, so it goes out now rather than on the next run.
        Map<String, AlertRecord> pendingByKey = new LinkedHashMap<>();
        alerts.pending(plan.year()).forEach(a -> pendingByKey.put(a.key(), a));
        recorded.forEach(a -> pendingByKey.putIfAbsent(a.key(), a));
        Map<Audience, List<AlertRecord>> byAudience = new TreeMap<>(Comparator.comparing(Audience::key));
        Map<Audience, List<AlertRecord>> chatByAudience = new TreeMap<>(Comparator.comparing(Audience::key));
        for (AlertRecord alert : pendingByKey.values()) {
            for (Audience audience : alert.pendingAudiences()) {
                if (which.test(audience)) {
                    byAudience.computeIfAbsent(audience, a -> new ArrayList<>()).add(alert);
                }
            }
            for (Audience audience : alert.pendingChatAudiences()) {
                if (which.test(audience)) {
                    chatByAudience.computeIfAbsent(audience, a -> new ArrayList<>()).add(alert);
                }
            }
        }
        LineFactory lineFactory = new LineFactory(plan, states, asOf);
        List<ScanReport.Delivery> delivered = new ArrayList<>();
        List<ScanReport.Failure> failed = new ArrayList<>();
        List<Audience> withoutAddress = new ArrayList<>();
        byAudience.forEach((audience, pending) -> {
            List<String> to = audience.isCoordinators() ? contacts.coordinators() : contacts.unitContacts(audience.unitId());
            if (to.isEmpty()) {
                withoutAddress.add(audience);
                return;
            }
            List<AlertLine> lines = pending.stream().map(lineFactory::lineOf).sorted(lineFactory.order()).toList();
            AlertDigest digest = AlertDigest.of(audience, lineFactory.audienceName(audience), to, asOf, lines);
            try {
                OutgoingEmail email = renderer.render(digest);
                transport.send(email);
                for (AlertRecord alert : pending) {
                    alerts.markDelivered(alert.key(), audience, clock.instant());
                }
                delivered.add(new ScanReport.Delivery(audience, email.messageId(), lines.size()));
            } catch (RuntimeException e) {
                // Any failure (transport, but also a rendering bug) must not stop the other audiences.
                failed.add(new ScanReport.Failure(audience, lines.size(), String.valueOf(e)));
            }
        });
        List<cn.lyg.xilian.core.chat.outcome.ChatOutcome> chatOutcomes = new ArrayList<>();
        // Chat after email and on its own records: whatever a robot does, the emails above are sent and marked.
        chatByAudience.forEach((audience, pending) -> {
            List<AlertLine> lines = pending.stream().map(lineFactory::lineOf).sorted(lineFactory.order()).toList();
            AlertDigest digest = AlertDigest.of(audience, lineFactory.audienceName(audience), List.of(), asOf, lines);
            var outcome = chat.post(digest);
            if (outcome.sent() || outcome.kind() == cn.lyg.xilian.core.chat.outcome.ChatOutcome.Kind.DROPPED) {
                for (AlertRecord alert : pending) {
                    alerts.markChatDelivered(alert.key(), audience, clock.instant());
                }
            }
            chatOutcomes.add(outcome);
        });
        return new ScanReport(asOf, found, recorded.size(), delivered, failed, withoutAddress, chatOutcomes);
    }

    /** Builds email lines with today's facts of each (task, unit). */
    private static final class LineFactory {
        private final Plan plan;
        private final LocalDate asOf;
        private final StateIndex stateByPair;
        private final Map<String, Integer> taskOrder = new HashMap<>();

        LineFactory(Plan plan, List<TaskUnitState> states, LocalDate asOf) {
            this.plan = plan;
            this.asOf = asOf;
            this.stateByPair = StateIndex.of(states);
            for (int i = 0; i < plan.tasks().size(); i++) {
                taskOrder.put(plan.tasks().get(i).id(), i);
            }
        }

        AlertLine lineOf(AlertRecord alert) {
            Finding f = alert.finding();
            Optional<PlanTask> task = plan.task(f.taskId());
            TaskUnitState state = stateByPair.state(f.taskId(), f.unitId());
            Submission latest = state == null ? null : state.latest();
            // The pair's effective deadline: an approved extension replaces the plan's date.
            LocalDate deadline = task.map(t -> state == null ? t.deadline() : state.deadline(t)).orElse(null);
            long daysLeft = deadline == null ? 0 : ChronoUnit.DAYS.between(asOf, deadline);
            return new AlertLine(alert.key(), f.taskId(), task.map(PlanTask::title).orElse(f.taskId()),
                    f.unitId(), unitName(f.unitId()), deadline, daysLeft,
                    latest == null ? null : latest.status(), latest == null ? null : latest.percent(),
                    f.light(), f.rule(), f.reason());
        }

        /** Red first, then in plan order, then by unit. */
        Comparator<AlertLine> order() {
            return Comparator.comparing(AlertLine::light).reversed()
                    .thenComparing(l -> taskOrder.getOrDefault(l.taskId(), Integer.MAX_VALUE))
                    .thenComparing(AlertLine::unitId)
                    .thenComparing(AlertLine::alertKey);
        }

        String audienceName(Audience audience) {
            return audience.isCoordinators() ? COORDINATORS_NAME : unitName(audience.unitId());
        }

        private String unitName(String unitId) {
            return plan.unit(unitId).map(Unit::name).orElse(unitId);
        }
    }
}
