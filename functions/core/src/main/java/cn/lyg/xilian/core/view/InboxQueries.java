package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.alert.PairAssessments;
import cn.lyg.xilian.core.alert.Reason;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.StateIndex;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.supervision.Waiting;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinators' 待办 ({@link Inbox}), built from two reads whatever the plan's size: the current state of every
 * (task, unit) pair with its light as of today ({@link StatusBoard#snapshot}) and the year's waiting index
 * ({@link Supervise#waiting}). Reports waiting for review, returned reports and silent units come from the states;
 * extension requests and unread instructions from the index.
 *
 * <p>Only a pair's latest report is reviewed: an older report left unreviewed when a newer one arrived is
 * superseded, not waiting.
 */
public class InboxQueries {

    private static final int INSTRUCTION_EXCERPT = 40;

    private final StatusBoard board;
    private final Supervise supervise;

    public InboxQueries(StatusBoard board, Supervise supervise) {
        this.board = board;
        this.supervise = supervise;
    }

    public Inbox inbox(Plan plan, Principal who, InboxFilter filter) {
        if (!who.coordinator()) {
            throw Refused.coordinatorOnly();
        }
        if (filter.unitId() != null && plan.unit(filter.unitId()).isEmpty()) {
            throw Refused.unknownUnit(filter.unitId());
        }
        if (filter.sectionId() != null && plan.section(filter.sectionId()).isEmpty()) {
            throw Refused.badFilter("没有编号为“" + filter.sectionId() + "”的部分");
        }
        StatusBoard.Snapshot snap = board.snapshot(plan, who);
        List<Inbox.Item> all = items(plan, snap, supervise.waiting(plan));
        List<Inbox.Item> shown = all.stream().filter(i -> matches(i, filter)).toList();
        Map<Inbox.Kind, Integer> counts = new EnumMap<>(Inbox.Kind.class);
        for (Inbox.Kind k : Inbox.Kind.values()) {
            counts.put(k, 0);
        }
        all.stream().filter(i -> matches(i, new InboxFilter(filter.unitId(), filter.sectionId(), null)))
                .forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
        return new Inbox(snap.evaluation().asOf(), filter, shown, counts, all.size(),
                (int) all.stream().filter(i -> i.kind().forCoordinators()).count());
    }

    /** How many things the coordinators must decide, for the header of their every page; null for a unit. */
    public @Nullable Integer count(Plan plan, Principal who) {
        return who.coordinator() ? inbox(plan, who, InboxFilter.all()).forCoordinators() : null;
    }

    private static boolean matches(Inbox.Item item, InboxFilter f) {
        return (f.kind() == null || item.kind() == f.kind())
                && (f.unitId() == null || item.unitIds().contains(f.unitId()))
                && (f.sectionId() == null || item.task().sectionId().equals(f.sectionId()));
    }

    private static List<Inbox.Item> items(Plan plan, StatusBoard.Snapshot snap, Waiting waiting) {
        LocalDate today = snap.evaluation().asOf();
        StateIndex states = snap.index();
        PairAssessments lights = snap.evaluation().assessmentsByPair();
        List<Inbox.Item> items = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            for (String unit : task.unitIds()) {
                TaskUnitState s = states.state(task.id(), unit);
                Submission latest = s == null ? null : s.latest();
                String anchor = "unit-" + unit;
                if (latest != null && s.review() == null) {
                    items.add(new Inbox.Item(Inbox.Kind.REVIEW, task, List.of(unit), latest.submittedAt(),
                            days(latest.submittedAt(), today), latest.status().label() + " · " + latest.percent()
                            + "%" + (s.evidence().isEmpty() ? "" : " · 佐证材料" + s.evidence().size() + "个"), anchor));
                }
                if (s != null && s.returned()) {
                    items.add(new Inbox.Item(Inbox.Kind.RETURNED, task, List.of(unit), s.review().reviewedAt(),
                            days(s.review().reviewedAt(), today), "退回原因：" + s.review().reason(), anchor));
                }
                Assessment a = lights.of(task.id(), unit);
                boolean returned = s != null && s.returned(); // listed as RETURNED already
                a.reasons().stream().filter(r -> !returned).filter(r -> r.rule() == Rule.UNREPORTED).map(Reason::text).findFirst()
                        .ifPresent(text -> items.add(new Inbox.Item(Inbox.Kind.SILENT, task, List.of(unit),
                                latest == null ? null : latest.submittedAt(),
                                latest == null ? ChronoUnit.DAYS.between(plan.issuedOn(), today)
                                        : days(latest.submittedAt(), today), text, anchor)));
            }
        }
        Map<String, PlanTask> tasks = new HashMap<>();
        plan.tasks().forEach(t -> tasks.put(t.id(), t));
        for (Extension e : waiting.pendingExtensions()) {
            PlanTask task = tasks.get(e.taskId());
            if (task != null && task.isResponsible(e.unitId())) {
                items.add(new Inbox.Item(Inbox.Kind.EXTENSION, task, List.of(e.unitId()), e.requestedAt(),
                        days(e.requestedAt(), today), "申请延至" + e.requestedDate() + "：" + e.reason(),
                        "unit-" + e.unitId()));
            }
        }
        for (Waiting.UnreadInstruction u : waiting.unreadInstructions()) {
            PlanTask task = tasks.get(u.instruction().taskId());
            if (task != null) {
                List<String> units = task.unitIds().stream().filter(u.unitsNotRead()::contains).toList();
                if (!units.isEmpty()) {
                    items.add(new Inbox.Item(Inbox.Kind.UNREAD, task, units, u.instruction().issuedAt(),
                            days(u.instruction().issuedAt(), today), excerpt(u.instruction().text()), "supervision"));
                }
            }
        }
        Map<String, Integer> planOrder = new HashMap<>();
        plan.tasks().forEach(t -> planOrder.put(t.id(), planOrder.size()));
        items.sort(Comparator.comparing((Inbox.Item i) -> !i.kind().forCoordinators())
                .thenComparing(Comparator.comparingLong(Inbox.Item::ageDays).reversed())
                .thenComparing(Inbox.Item::kind)
                .thenComparing(i -> planOrder.get(i.task().id()))
                .thenComparing(i -> i.unitIds().get(0)));
        return items;
    }

    private static long days(Instant since, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(since.atZone(PlanTime.ZONE).toLocalDate(), today));
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= INSTRUCTION_EXCERPT ? flat : flat.substring(0, INSTRUCTION_EXCERPT) + "…";
    }
}
