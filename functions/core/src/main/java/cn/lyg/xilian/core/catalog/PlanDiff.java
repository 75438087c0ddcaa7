package cn.lyg.xilian.core.catalog;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What loading a new plan over the loaded one would change, seen from each responsible unit: the preview of
 * {@code load-plan --dry-run}. Pure: it compares two plans and knows which (task, unit) pairs have reported, and
 * writes nothing. {@link PlanDiffText} renders it for the operator.
 *
 * <p>Per unit, in the new plan's unit order (units that leave the catalog last, in the old order): the pairs that
 * appear (a new task, or the unit newly responsible for a task), the pairs whose task changed in a way the unit
 * sees (its own targets, not another unit's), and the pairs that leave the plan; each in its plan's task order,
 * with whether the pair has reported. An empty diff means a load writes nothing.
 *
 * @param before    the loaded plan; null before the first load
 * @param header    the plan's own fields that differ
 * @param reordered sections, units or tasks kept in the plan but in another order (a load rewrites their position)
 */
public record PlanDiff(@Nullable Plan before, Plan after, Set<HeaderField> header,
                       List<Section> sectionsAdded, List<Section> sectionsRemoved, List<Section> sectionsChanged,
                       List<Unit> unitsAdded, List<Unit> unitsRemoved, List<Unit> unitsChanged, boolean reordered,
                       List<UnitDiff> units) {

    public PlanDiff {
        header = header.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(header));
        sectionsAdded = List.copyOf(sectionsAdded);
        sectionsRemoved = List.copyOf(sectionsRemoved);
        sectionsChanged = List.copyOf(sectionsChanged);
        unitsAdded = List.copyOf(unitsAdded);
        unitsRemoved = List.copyOf(unitsRemoved);
        unitsChanged = List.copyOf(unitsChanged);
        units = List.copyOf(units);
    }

    /** The plan's own fields. */
    public enum HeaderField { TITLE, DOC_NUMBER, ISSUED_ON }

    /** What about a task changed, as one of its units sees it; in the order a reader wants them. */
    public enum Aspect { TITLE, DEADLINE, MILESTONES, TARGETS, UNITS, SECTION, TEXT }

    /**
     * One (task, unit) pair the load affects.
     *
     * @param before   the task in the loaded plan (null: a new task)
     * @param after    the task in the new plan (null: the task leaves the plan)
     * @param aspects  what changed, in {@link Aspect} order, for a pair in both plans (empty otherwise)
     * @param reported whether the pair has reported progress
     */
    public record TaskEntry(String taskId, @Nullable PlanTask before, @Nullable PlanTask after, List<Aspect> aspects,
                            boolean reported) {
        public TaskEntry {
            aspects = aspects.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(aspects));
        }

        /** The task as the newer plan that has it states it. */
        public PlanTask task() {
            return Objects.requireNonNull(after != null ? after : before);
        }
    }

    /** One unit's pairs that appear, change and leave, each in plan order. */
    public record UnitDiff(String unitId, String unitName, List<TaskEntry> added, List<TaskEntry> changed,
                           List<TaskEntry> removed) {
        public UnitDiff {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }
    }

    public boolean firstLoad() {
        return before == null;
    }

    /** Nothing to load: the plans are the same (same content, same order). */
    public boolean isEmpty() {
        return header.isEmpty() && sectionsAdded.isEmpty() && sectionsRemoved.isEmpty() && sectionsChanged.isEmpty()
                && unitsAdded.isEmpty() && unitsRemoved.isEmpty() && unitsChanged.isEmpty() && !reordered
                && units.isEmpty();
    }

    /** The affected pairs that have reported, unit by unit as {@link #units}. */
    public List<TaskUnit> reportedAffected() {
        List<TaskUnit> pairs = new ArrayList<>();
        for (UnitDiff unit : units) {
            for (List<TaskEntry> entries : List.of(unit.added, unit.changed, unit.removed)) {
                entries.stream().filter(TaskEntry::reported).forEach(e -> pairs.add(new TaskUnit(e.taskId, unit.unitId)));
            }
        }
        return pairs;
    }

    /**
     * @param before   the loaded plan, or null before the first load
     * @param reported the pairs that have reported (assigned or not: a pair that left an earlier plan still counts)
     */
    public static PlanDiff of(@Nullable Plan before, Plan after, Set<TaskUnit> reported) {
        if (before != null && before.year() != after.year()) {
            throw new IllegalArgumentException("plans of different years: " + before.year() + ", " + after.year());
        }
        List<Section> oldSections = before == null ? List.of() : before.sections();
        List<Unit> oldUnits = before == null ? List.of() : before.units();
        List<PlanTask> oldTasks = before == null ? List.of() : before.tasks();

        Set<HeaderField> header = EnumSet.noneOf(HeaderField.class);
        if (before != null) {
            if (!before.title().equals(after.title())) {
                header.add(HeaderField.TITLE);
            }
            if (!before.docNumber().equals(after.docNumber())) {
                header.add(HeaderField.DOC_NUMBER);
            }
            if (!before.issuedOn().equals(after.issuedOn())) {
                header.add(HeaderField.ISSUED_ON);
            }
        }
        Compared<Section> sections = Compared.of(oldSections, after.sections(), Section::id);
        Compared<Unit> catalogUnits = Compared.of(oldUnits, after.units(), Unit::id);
        Compared<PlanTask> tasks = Compared.of(oldTasks, after.tasks(), PlanTask::id);

        Map<String, PlanTask> oldById = byId(oldTasks);
        Map<String, PlanTask> newById = byId(after.tasks());
        Map<String, UnitDiff> byUnit = new LinkedHashMap<>();
        for (String unitId : unitOrder(oldUnits, after, oldTasks)) {
            String name = after.unit(unitId).or(() -> before == null ? Optional.empty() : before.unit(unitId))
                    .map(Unit::name).orElse(unitId);
            List<TaskEntry> added = new ArrayList<>();
            List<TaskEntry> changed = new ArrayList<>();
            List<TaskEntry> removed = new ArrayList<>();
            for (PlanTask task : after.tasks()) {
                if (!task.isResponsible(unitId)) {
                    continue;
                }
                PlanTask old = oldById.get(task.id());
                boolean hasReported = reported.contains(new TaskUnit(task.id(), unitId));
                if (old == null || !old.isResponsible(unitId)) {
                    added.add(new TaskEntry(task.id(), old, task, List.of(), hasReported));
                } else {
                    List<Aspect> aspects = aspects(old, task, unitId);
                    if (!aspects.isEmpty()) {
                        changed.add(new TaskEntry(task.id(), old, task, aspects, hasReported));
                    }
                }
            }
            for (PlanTask old : oldTasks) {
                PlanTask task = newById.get(old.id());
                if (old.isResponsible(unitId) && (task == null || !task.isResponsible(unitId))) {
                    removed.add(new TaskEntry(old.id(), old, task, List.of(),
                            reported.contains(new TaskUnit(old.id(), unitId))));
                }
            }
            if (!added.isEmpty() || !changed.isEmpty() || !removed.isEmpty()) {
                byUnit.put(unitId, new UnitDiff(unitId, name, added, changed, removed));
            }
        }
        return new PlanDiff(before, after, header, sections.added, sections.removed, sections.changed,
                catalogUnits.added, catalogUnits.removed, catalogUnits.changed,
                sections.reordered || catalogUnits.reordered || tasks.reordered, List.copyOf(byUnit.values()));
    }

    /** What a unit of the task sees changed: its own targets only, every other field of the task. */
    private static List<Aspect> aspects(PlanTask old, PlanTask task, String unitId) {
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        if (!old.title().equals(task.title())) {
            aspects.add(Aspect.TITLE);
        }
        if (!old.deadline().equals(task.deadline())) {
            aspects.add(Aspect.DEADLINE);
        }
        if (!old.milestones().equals(task.milestones())) {
            aspects.add(Aspect.MILESTONES);
        }
        if (!old.targetsFor(unitId).equals(task.targetsFor(unitId))) {
            aspects.add(Aspect.TARGETS);
        }
        if (!old.unitIds().equals(task.unitIds())) {
            aspects.add(Aspect.UNITS);
        }
        if (!old.sectionId().equals(task.sectionId())) {
            aspects.add(Aspect.SECTION);
        }
        if (!old.text().equals(task.text())) {
            aspects.add(Aspect.TEXT);
        }
        return List.copyOf(aspects);
    }

    /**
     * The new plan's units, then the loaded plan's units it drops; a unit named by a task but missing from the
     * units list (not something the importer writes) after them, so no affected pair goes unseen.
     */
    private static Set<String> unitOrder(List<Unit> oldUnits, Plan after, List<PlanTask> oldTasks) {
        Set<String> order = new LinkedHashSet<>();
        after.units().forEach(u -> order.add(u.id()));
        oldUnits.forEach(u -> order.add(u.id()));
        after.tasks().forEach(t -> order.addAll(t.unitIds()));
        oldTasks.forEach(t -> order.addAll(t.unitIds()));
        return order;
    }

    private static Map<String, PlanTask> byId(List<PlanTask> tasks) {
        Map<String, PlanTask> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    /** Two lists of identified things: added and changed in the new order, removed in the old. */
    private record Compared<T>(List<T> added, List<T> removed, List<T> changed, boolean reordered) {

        static <T> Compared<T> of(List<T> before, List<T> after, Function<T, String> id) {
            Map<String, T> old = new LinkedHashMap<>();
            before.forEach(t -> old.put(id.apply(t), t));
            Map<String, T> now = new LinkedHashMap<>();
            after.forEach(t -> now.put(id.apply(t), t));
            List<T> added = new ArrayList<>();
            List<T> changed = new ArrayList<>();
            for (T t : after) {
                T was = old.get(id.apply(t));
                if (was == null) {
                    added.add(t);
                } else if (!was.equals(t)) {
                    changed.add(t);
                }
            }
            List<T> removed = before.stream().filter(t -> !now.containsKey(id.apply(t))).toList();
            List<String> keptOld = old.keySet().stream().filter(now::containsKey).toList();
            List<String> keptNew = now.keySet().stream().filter(old::containsKey).toList();
            return new Compared<>(added, removed, changed, !keptOld.equals(keptNew));
        }
    }
}
