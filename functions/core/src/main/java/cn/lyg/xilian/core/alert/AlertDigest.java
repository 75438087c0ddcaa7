package cn.lyg.xilian.core.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one email of one run is about: one audience, its addresses, its pending items.
 *
 * @param audienceName e.g. the unit's name, or "市发改委" for the coordinators
 * @param batchId      derived from the audience and the alert keys only, so a retry of the same batch
 *                     yields the same Message-ID and can be recognised by the receiving side
 */
public record AlertDigest(Audience audience, String audienceName, List<String> to, LocalDate asOf,
                          String batchId, List<AlertLine> lines) {

    public AlertDigest {
        to = List.copyOf(to);
        lines = List.copyOf(lines);
    }

    public static AlertDigest of(Audience audience, String audienceName, List<String> to, LocalDate asOf,
                                 List<AlertLine> lines) {
        return new AlertDigest(audience, audienceName, to, asOf, batchIdOf(audience, lines), lines);
    }

    /** Tasks whose most serious rule is {@code rule}: each task counts once (the unit of count of subjects). */
    public long tasksWithWorstRule(Rule rule) {
        return byTask().stream().filter(t -> t.worstRule() == rule).count();
    }

    /** The number of distinct tasks. */
    public int taskCount() {
        return byTask().size();
    }

    /** The number of distinct (task, unit) pairs. */
    public int pairCount() {
        return byTask().stream().mapToInt(t -> t.units().size()).sum();
    }

    /**
     * The digest by task, worst first: each task once with its units and their reasons folded in, ordered by
     * its most serious rule ({@link Rule#WORST_FIRST}), then red before yellow, then the nearest (most
     * overdue) deadline, then the order of {@link #lines()}.
     */
    public List<TaskAlerts> byTask() {
        Map<String, Map<String, List<AlertLine>>> byTaskAndUnit = new LinkedHashMap<>();
        for (AlertLine line : lines) {
            byTaskAndUnit.computeIfAbsent(line.taskId(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(line.unitId(), u -> new ArrayList<>()).add(line);
        }
        List<TaskAlerts> tasks = new ArrayList<>();
        byTaskAndUnit.forEach((taskId, byUnit) -> {
            List<TaskAlerts.UnitAlerts> units = new ArrayList<>();
            byUnit.forEach((unitId, unitLines) -> units.add(unitAlerts(unitLines)));
            units.sort(Comparator.comparing((TaskAlerts.UnitAlerts u) -> u.worstRule().severity())
                    .thenComparing(TaskAlerts.UnitAlerts::light, Comparator.reverseOrder()));
            AlertLine first = byUnit.values().iterator().next().getFirst();
            Light light = units.stream().map(TaskAlerts.UnitAlerts::light).reduce(Light.GREEN, Light::worst);
            Rule worst = units.stream().map(TaskAlerts.UnitAlerts::worstRule)
                    .min(Comparator.comparing(Rule::severity)).orElseThrow();
            tasks.add(new TaskAlerts(taskId, first.taskTitle(), first.deadline(), first.daysLeft(), light, worst, units));
        });
        tasks.sort(Comparator.comparing((TaskAlerts t) -> t.worstRule().severity())
                .thenComparing(TaskAlerts::light, Comparator.reverseOrder())
                .thenComparing(TaskAlerts::daysLeft));
        return tasks;
    }

    /** The count table: one line per unit, most red tasks first, then most tasks; the task is the unit of count. */
    public List<UnitTally> byUnit() {
        Map<String, UnitTallyBuilder> units = new LinkedHashMap<>();
        for (TaskAlerts task : byTask()) {
            for (TaskAlerts.UnitAlerts unit : task.units()) {
                units.computeIfAbsent(unit.unitId(), id -> new UnitTallyBuilder(id, unit.unitName())).add(task, unit);
            }
        }
        List<UnitTally> tallies = new ArrayList<>();
        units.values().forEach(b -> tallies.add(b.build()));
        tallies.sort(Comparator.comparing(UnitTally::redTasks).thenComparing(UnitTally::tasks).reversed());
        return tallies;
    }

    private static TaskAlerts.UnitAlerts unitAlerts(List<AlertLine> unitLines) {
        List<AlertLine> sorted = new ArrayList<>(unitLines);
        sorted.sort(Comparator.comparing((AlertLine l) -> l.rule().severity())
                .thenComparing(AlertLine::light, Comparator.reverseOrder()));
        Map<Rule, Light> rules = new LinkedHashMap<>();
        Set<String> reasons = new LinkedHashSet<>();
        Light light = Light.GREEN;
        for (AlertLine line : sorted) {
            rules.merge(line.rule(), line.light(), Light::worst);
            reasons.add(line.reason());
            light = light.worst(line.light());
        }
        AlertLine first = sorted.getFirst();
        return new TaskAlerts.UnitAlerts(first.unitId(), first.unitName(), first.status(), first.percent(), light,
                rules, List.copyOf(reasons));
    }

    /** Per unit: each task once per rule, under the worst light that rule gave it. */
    private static final class UnitTallyBuilder {
        private final String unitId;
        private final String unitName;
        private final Set<String> tasks = new HashSet<>();
        private final Set<String> red = new HashSet<>();
        private final Map<Rule, Map<Light, Integer>> byRule = new EnumMap<>(Rule.class);

        UnitTallyBuilder(String unitId, String unitName) {
            this.unitId = unitId;
            this.unitName = unitName;
        }

        void add(TaskAlerts task, TaskAlerts.UnitAlerts unit) {
            tasks.add(task.taskId());
            if (unit.light() == Light.RED) {
                red.add(task.taskId());
            }
            unit.lightByRule().forEach((rule, light) ->
                    byRule.computeIfAbsent(rule, r -> new EnumMap<>(Light.class)).merge(light, 1, Integer::sum));
        }

        UnitTally build() {
            return new UnitTally(unitId, unitName, tasks.size(), red.size(), byRule);
        }
    }

    static String batchIdOf(Audience audience, List<AlertLine> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(audience.key().getBytes(StandardCharsets.UTF_8));
            lines.stream().map(AlertLine::alertKey).sorted().forEach(k -> {
                sha.update((byte) '\n');
                sha.update(k.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
