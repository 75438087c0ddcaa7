package cn.lyg.xilian.core.catalog;

import cn.lyg.xilian.core.catalog.PlanDiff.Aspect;
import cn.lyg.xilian.core.catalog.PlanDiff.TaskEntry;
import cn.lyg.xilian.core.catalog.PlanDiff.UnitDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link PlanDiff} in Chinese for the operator and the coordinator (load-plan --dry-run): the one home of its
 * wording. Plain lines, two-space indents, same diff same text, so a test and a reviewer can compare it whole.
 */
public final class PlanDiffText {

    private PlanDiffText() {
    }

    public static String render(PlanDiff diff) {
        Plan after = diff.after();
        List<String> lines = new ArrayList<>();
        if (diff.isEmpty()) {
            lines.add(after.year() + "年计划与已载入的相同：没有变化，载入不会改动任何数据。");
            return String.join("\n", lines) + "\n";
        }
        if (diff.firstLoad()) {
            lines.add(after.year() + "年计划尚未载入：首次载入将新增" + after.tasks().size() + "项任务、"
                    + after.units().size() + "个单位。");
        } else {
            lines.add(after.year() + "年计划载入预览（与已载入的计划相比；未写入任何数据）");
            List<String> plan = planLines(diff);
            if (!plan.isEmpty()) {
                lines.add("计划：");
                plan.forEach(l -> lines.add("  " + l));
            }
        }
        if (!diff.units().isEmpty()) {
            lines.add("各单位：");
        }
        for (UnitDiff unit : diff.units()) {
            lines.add(unit.unitName() + "（" + unit.unitId() + "）");
            unit.added().forEach(e -> lines.add("  新增 " + task(e) + "：" + (e.before() == null ? "新任务" : "新列为责任单位")
                    + (e.reported() ? "（曾填报：原有进展恢复显示）" : "")));
            for (TaskEntry e : unit.changed()) {
                lines.add("  变更 " + task(e) + (e.reported() ? "（已填报）" : ""));
                e.aspects().forEach(a -> lines.add("    " + aspect(a, e, unit.unitId(), diff)));
            }
            unit.removed().forEach(e -> lines.add("  移除 " + task(e) + "：" + (e.after() == null ? "任务删除" : "不再列为责任单位")
                    + (e.reported() ? "（已填报：进展保留，不再显示于看板和任务、单位视图）" : "（未填报：状态删除）")));
        }
        if (!diff.units().isEmpty()) {
            List<TaskUnit> reported = diff.reportedAffected();
            lines.add("合计：" + diff.units().size() + "个单位受影响；涉及已填报事项" + reported.size() + "项"
                    + (reported.isEmpty() ? "。" : "：" + reported.stream()
                    .map(p -> p.taskId() + " " + unitName(diff, p.unitId())).collect(Collectors.joining("、")) + "。"));
        }
        return String.join("\n", lines) + "\n";
    }

    private static List<String> planLines(PlanDiff diff) {
        Plan before = diff.before();
        Plan after = diff.after();
        List<String> lines = new ArrayList<>();
        for (PlanDiff.HeaderField field : PlanDiff.HeaderField.values()) {
            if (diff.header().contains(field) && before != null) {
                lines.add(switch (field) {
                    case TITLE -> "标题：“" + before.title() + "” → “" + after.title() + "”";
                    case DOC_NUMBER -> "文号：" + before.docNumber() + " → " + after.docNumber();
                    case ISSUED_ON -> "印发日期：" + before.issuedOn() + " → " + after.issuedOn();
                });
            }
        }
        diff.sectionsAdded().forEach(s -> lines.add("新增部分：" + s.id() + " " + s.title()));
        diff.sectionsRemoved().forEach(s -> lines.add("删除部分：" + s.id() + " " + s.title()));
        diff.sectionsChanged().forEach(s -> lines.add("部分变更：" + s.id() + " "
                + (before == null ? "" : before.section(s.id()).map(Section::title).orElse("") + " → ") + s.title()));
        diff.unitsAdded().forEach(u -> lines.add("新增单位：" + u.name() + "（" + u.id() + "）"));
        diff.unitsRemoved().forEach(u -> lines.add("移除单位：" + u.name() + "（" + u.id() + "）"));
        diff.unitsChanged().forEach(u -> lines.add("单位信息变更：" + u.id() + " "
                + (before == null ? "" : before.unit(u.id()).map(PlanDiffText::unit).orElse("") + " → ") + unit(u)));
        if (diff.reordered()) {
            lines.add("部分、单位或任务的顺序有调整");
        }
        return lines;
    }

    private static String aspect(Aspect aspect, TaskEntry e, String unitId, PlanDiff diff) {
        PlanTask old = e.before();
        PlanTask now = e.after();
        if (old == null || now == null) {
            throw new IllegalArgumentException("a changed task is in both plans: " + e.taskId());
        }
        return switch (aspect) {
            case TITLE -> "标题：“" + old.title() + "” → “" + now.title() + "”";
            case DEADLINE -> "完成时间：" + old.deadline() + " → " + now.deadline();
            case MILESTONES -> "节点：" + milestones(old) + " → " + milestones(now);
            case TARGETS -> "指标：" + targets(old, unitId) + " → " + targets(now, unitId);
            case UNITS -> "责任单位：" + units(old, diff) + " → " + units(now, diff);
            case SECTION -> "所属部分：" + old.sectionId() + " → " + now.sectionId();
            case TEXT -> "任务内容有改动";
        };
    }

    private static String task(TaskEntry e) {
        return e.taskId() + "「" + e.task().title() + "」";
    }

    private static String milestones(PlanTask task) {
        return task.milestones().isEmpty() ? "无" : task.milestones().stream()
                .map(m -> m.due() + " " + m.description()).collect(Collectors.joining("；"));
    }

    private static String targets(PlanTask task, String unitId) {
        List<Target> targets = task.targetsFor(unitId);
        return targets.isEmpty() ? "无" : targets.stream()
                .map(t -> t.metric() + "不少于" + t.minimum().toPlainString() + t.measure()).collect(Collectors.joining("；"));
    }

    private static String units(PlanTask task, PlanDiff diff) {
        return task.unitIds().stream().map(id -> unitName(diff, id)).collect(Collectors.joining("、"));
    }

    private static String unit(Unit u) {
        return u.name() + "（" + u.kind().label() + (u.aliases().isEmpty() ? "" : "；又称" + String.join("、", u.aliases())) + "）";
    }

    private static String unitName(PlanDiff diff, String unitId) {
        Optional<Unit> unit = diff.after().unit(unitId);
        if (unit.isEmpty() && diff.before() != null) {
            unit = diff.before().unit(unitId);
        }
        return unit.map(Unit::name).orElse(unitId);
    }
}
