package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.report.Lines.CompletionGroup;
import cn.lyg.xilian.core.report.Lines.Headline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The week's numbers: tasks by light and by deadline, and completion by section, field and unit. */
final class WeekCounts {

    private WeekCounts() {
    }

    /** Tasks by light; done (every unit 已完成), overdue (deadline on or before the Sunday) and due in 30 days. */
    static Headline headline(Week w) {
        int green = 0, yellow = 0, red = 0, completed = 0, overdue = 0, dueSoon = 0;
        for (PlanTask task : w.plan.tasks()) {
            switch (w.evaluation.taskLights().getOrDefault(task.id(), Light.GREEN)) {
                case GREEN -> green++;
                case YELLOW -> yellow++;
                case RED -> red++;
            }
            boolean done = w.pairsOf(task).stream().noneMatch(WeekPair::open);
            long daysLeft = ChronoUnit.DAYS.between(w.asOf, task.deadline());
            if (done) {
                completed++;
            } else if (daysLeft <= 0) {
                overdue++;
            } else if (daysLeft <= WeeklySummaryBuilder.DUE_WINDOW_DAYS) {
                dueSoon++;
            }
        }
        return new Headline(w.plan.tasks().size(), green, yellow, red, completed, overdue, dueSoon);
    }

    static List<CompletionGroup> bySection(Week w) {
        List<CompletionGroup> groups = new ArrayList<>();
        for (Section section : w.plan.sections()) {
            List<WeekPair> of = w.pairs.stream().filter(p -> p.task().sectionId().equals(section.id())).toList();
            if (!of.isEmpty()) {
                groups.add(group(section.id(), section.title(), of));
            }
        }
        return groups;
    }

    /** All six fields, even one without tasks, so the table always has the same rows. */
    static List<CompletionGroup> byField(Week w) {
        List<CompletionGroup> groups = new ArrayList<>();
        for (Field field : Field.values()) {
            List<WeekPair> of = w.pairs.stream()
                    .filter(p -> w.plan.section(p.task().sectionId()).map(Section::field).orElse(null) == field)
                    .toList();
            groups.add(group(field.name(), field.label(), of));
        }
        return groups;
    }

    static List<CompletionGroup> byUnit(Week w) {
        List<CompletionGroup> groups = new ArrayList<>();
        for (Unit unit : w.plan.units()) {
            List<WeekPair> of = w.pairsOfUnit(unit.id());
            if (!of.isEmpty()) {
                groups.add(group(unit.id(), unit.name(), of));
            }
        }
        return groups;
    }

    /** Pairs done, and the average completion (a 已完成 report counts 100 %), rounded half up. */
    static CompletionGroup group(String key, String label, List<WeekPair> of) {
        int done = (int) of.stream().filter(p -> !p.open()).count();
        int average = of.isEmpty() ? 0 : BigDecimal.valueOf(of.stream().mapToInt(WeekPair::percentForCompletion).sum())
                .divide(BigDecimal.valueOf(of.size()), 0, RoundingMode.HALF_UP).intValue();
        return new CompletionGroup(key, label, of.size(), done, average);
    }
}
