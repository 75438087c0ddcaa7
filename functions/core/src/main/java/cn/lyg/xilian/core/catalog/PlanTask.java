package cn.lyg.xilian.core.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * One numbered task of the plan.
 *
 * @param id        stable id: "1.1" … "2.9", "3.1.1" … "3.6.5"
 * @param sectionId id of its {@link Section}
 * @param title     a short title (the task's first sentence, shortened)
 * @param text      the full text without the 责任单位/完成时间 bracket
 * @param unitIds   responsible units, in the order the notice lists them
 * @param deadline  完成时间 as a date in Asia/Shanghai
 */
public record PlanTask(String id, String sectionId, String title, String text, List<String> unitIds,
                       LocalDate deadline, List<Milestone> milestones, List<Target> targets) {

    /** The grammar of a task id ("1.1", "3.6.5"): the one home of the rule; nothing else can name a task. */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[1-9][0-9]?(\\.[1-9][0-9]?){1,3}");

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public PlanTask {
        unitIds = List.copyOf(unitIds);
        milestones = List.copyOf(milestones);
        targets = List.copyOf(targets);
    }

    public boolean isResponsible(String unitId) {
        return unitIds.contains(unitId);
    }

    /** Targets that bind the given unit: its own, plus those that bind every unit. */
    public List<Target> targetsFor(String unitId) {
        return targets.stream().filter(t -> t.unitId() == null || t.unitId().equals(unitId)).toList();
    }
}
