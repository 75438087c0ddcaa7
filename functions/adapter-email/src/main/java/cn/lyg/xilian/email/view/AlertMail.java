package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.alert.TaskAlerts;
import cn.lyg.xilian.core.alert.TaskAlerts.UnitAlerts;
import cn.lyg.xilian.core.alert.UnitTally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert email (templates {@code alert.jte}): the unit of count is the task ("项" = 项任务) everywhere, and each
 * task appears once with its units and reasons folded in, worst first ({@link AlertDigest#byTask()}).
 *
 * <p>The coordinators' email is a digest: a count table by unit (red/yellow tasks per rule), then the
 * {@value #INLINE_TASKS} most serious tasks; the full list (one row per task and unit) travels as an .xlsx
 * attachment and the board link opens the same tasks sorted by risk. A unit's email lists its tasks, one row each.
 *
 * @param tasks the digest by task, worst first
 */
public record AlertMail(AlertDigest digest, List<TaskAlerts> tasks, MailLinks links) {

    /** Rows of the coordinators' task table; the rest is in the attachment and on the board. */
    public static final int INLINE_TASKS = 15;

    public static AlertMail of(AlertDigest digest, MailLinks links) {
        return new AlertMail(digest, digest.byTask(), links);
    }

    /** e.g. "【预警】12项任务：逾期3项 临近截止9项" — each task counted once, under its most serious rule. */
    public String subject() {
        List<String> counts = new ArrayList<>();
        for (Rule rule : Rule.WORST_FIRST) {
            long n = digest.tasksWithWorstRule(rule);
            if (n > 0) {
                counts.add(rule.label() + CountWords.tasks(n));
            }
        }
        return "【预警】" + CountWords.tasks(tasks.size()) + "任务：" + String.join(" ", counts);
    }

    public boolean coordinators() {
        return digest.audience().isCoordinators();
    }

    /** Only the coordinators' email carries the full list. */
    public String attachmentName() {
        return "预警清单-" + digest.asOf() + ".xlsx";
    }

    public String intro() {
        String s = "截至" + chineseDate(digest.asOf()) + "，锡连帮扶合作进度通有" + tasks.size() + "项任务预警";
        if (coordinators()) {
            s += "，涉及" + digest.byUnit().size() + "个责任单位、" + CountWords.pairs(digest.pairCount()) + "（同一任务的多个单位合并为一行）";
        }
        return s + "：";
    }

    /** The tasks shown in the email: all for a unit, the most serious {@value #INLINE_TASKS} for the coordinators. */
    public List<TaskAlerts> shown() {
        return coordinators() ? tasks.subList(0, Math.min(INLINE_TASKS, tasks.size())) : tasks;
    }

    /** Tasks left out of the email (in the attachment and on the board). */
    public int hidden() {
        return tasks.size() - shown().size();
    }

    /** The note under a capped list; the plain text spells out the board's link. */
    public String rest(boolean withUrl) {
        return "以上为最严重的" + INLINE_TASKS + "项任务，另有" + hidden() + "项未列出。完整清单（每个任务与责任单位一行，共"
                + digest.pairCount() + "行）见附件《" + attachmentName() + "》，也可在看板按风险排序查看"
                + (withUrl ? "：" + links.board(null) : "。");
    }

    /** The coordinators' count table: one line per unit. */
    public List<UnitTally> units() {
        return digest.byUnit();
    }

    /** The count table's columns: the rules some unit has, most serious first. */
    public List<Rule> tallyRules() {
        List<UnitTally> units = units();
        return Rule.WORST_FIRST.stream().filter(r -> units.stream().anyMatch(u -> u.byRule().containsKey(r))).toList();
    }

    /** "红10 黄2" — a unit's tasks under a rule by light; "" when none. */
    public static String tallyText(UnitTally unit, Rule rule) {
        int red = unit.count(rule, Light.RED);
        int yellow = unit.count(rule, Light.YELLOW);
        return (red > 0 ? Light.RED.label() + red : "") + (red > 0 && yellow > 0 ? " " : "")
                + (yellow > 0 ? Light.YELLOW.label() + yellow : "");
    }

    /** "单位0：40项（逾期 红10，进度滞后 黄10）" without the name: a unit's line of the count table in text. */
    public static String tallyText(UnitTally unit) {
        List<String> parts = new ArrayList<>();
        for (Rule rule : Rule.WORST_FIRST) {
            String c = tallyText(unit, rule);
            if (!c.isEmpty()) {
                parts.add(rule.label() + " " + c);
            }
        }
        return String.join("，", parts);
    }

    /** A task's units grouped by their most serious rule, most serious first. */
    public static Map<Rule, List<UnitAlerts>> byRule(TaskAlerts task) {
        Map<Rule, List<UnitAlerts>> groups = new LinkedHashMap<>();
        for (UnitAlerts unit : task.units()) {
            groups.computeIfAbsent(unit.worstRule(), r -> new ArrayList<>()).add(unit);
        }
        return groups;
    }

    /** "东海县（未填报）、赣榆区（推进中 30%）"; a single unit also gets its reason. */
    public static String unitsText(List<UnitAlerts> units) {
        List<String> parts = new ArrayList<>();
        for (UnitAlerts unit : units) {
            String detail = status(unit);
            if (units.size() == 1) {
                detail += "；" + unit.reasons().getFirst(); // its most serious rule's; all are in the attachment
            }
            parts.add(unit.unitName() + "（" + detail + "）");
        }
        return String.join("、", parts);
    }

    public static String deadline(TaskAlerts task) {
        return task.deadline() == null ? "—" : task.deadline().toString();
    }

    public static String daysLeft(long daysLeft) {
        if (daysLeft > 0) {
            return "剩余" + daysLeft + "天";
        }
        return daysLeft == 0 ? "今天截止" : "逾期" + (-daysLeft) + "天";
    }

    public static String status(UnitAlerts unit) {
        return unit.status() == null ? "未填报" : unit.status().label() + " " + unit.percent() + "%";
    }

    public static String reasons(UnitAlerts unit) {
        return String.join("；", unit.reasons());
    }

    private static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
