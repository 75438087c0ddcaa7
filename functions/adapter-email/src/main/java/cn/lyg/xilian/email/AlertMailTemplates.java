package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.alert.TaskAlerts;
import cn.lyg.xilian.core.alert.TaskAlerts.UnitAlerts;
import cn.lyg.xilian.core.alert.UnitTally;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of an alert email: subject, HTML and plain text. The unit of count is the task ("项" = 项任务)
 * everywhere, and each task appears once with its units and reasons folded in, worst first
 * ({@link AlertDigest#byTask()}).
 *
 * <p>The coordinators' email is a digest: a count table by unit (red/yellow tasks per rule), then the
 * {@value #INLINE_TASKS} most serious tasks; the full list (one row per task and unit) travels as an .xlsx
 * attachment ({@link AlertListSheet}) and the board link opens the same tasks sorted by risk. A unit's email
 * lists its tasks, one row each.
 *
 * <p>Mail clients drop style sheets and block remote content, so the HTML uses inline styles only and no
 * images; every string that came from users or from the imported plan is escaped.
 */
final class AlertMailTemplates {

    /** Rows of the coordinators' task table; the rest is in the attachment and on the board. */
    static final int INLINE_TASKS = 15;

    private static final Map<Light, String> LIGHT_COLOURS = Map.of(
            Light.RED, "#c0392b", Light.YELLOW, "#b7950b", Light.GREEN, "#2e8b57");

    private static final String CELL = "padding:6px 8px;border:1px solid #d0d7de;vertical-align:top;";
    private static final String HEAD = CELL + "background:#f3f5f7;text-align:left;font-weight:bold;";
    private static final String NUM = CELL + "text-align:center;white-space:nowrap;";
    private static final String LINK = "color:#0969da;";

    private final String baseUrl;

    AlertMailTemplates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** e.g. "【预警】12项任务：逾期3项 临近截止9项" — each task counted once, under its most serious rule. */
    String subject(AlertDigest digest) {
        List<String> counts = new ArrayList<>();
        for (Rule rule : Rule.WORST_FIRST) {
            long n = digest.tasksWithWorstRule(rule);
            if (n > 0) {
                counts.add(rule.label() + CountWords.tasks(n));
            }
        }
        return "【预警】" + CountWords.tasks(digest.taskCount()) + "任务：" + String.join(" ", counts);
    }

    String attachmentName(AlertDigest digest) {
        return "预警清单-" + digest.asOf() + ".xlsx";
    }

    boolean hasAttachment(AlertDigest digest) {
        return digest.audience().isCoordinators();
    }

    // ------------------------------------------------------------------ plain text

    String text(AlertDigest digest) {
        StringBuilder out = new StringBuilder();
        out.append(digest.audienceName()).append("：\n\n").append(intro(digest)).append('\n');
        List<TaskAlerts> tasks = digest.byTask();
        if (digest.audience().isCoordinators()) {
            out.append("\n看板（按风险排序）：").append(boardUrl(null)).append("\n\n")
                    .append("一、各单位预警任务数（单位：项任务；红/黄为灯号）\n");
            for (UnitTally unit : digest.byUnit()) {
                out.append("  ").append(unit.unitName()).append("：").append(unit.tasks()).append("项");
                List<String> parts = new ArrayList<>();
                for (Rule rule : Rule.WORST_FIRST) {
                    String c = tallyText(unit, rule);
                    if (!c.isEmpty()) {
                        parts.add(rule.label() + " " + c);
                    }
                }
                out.append("（").append(String.join("，", parts)).append("）\n");
            }
            out.append("\n二、预警任务（按严重程度排列，每项任务一行）\n");
        }
        int shown = shown(digest, tasks);
        for (int i = 0; i < shown; i++) {
            TaskAlerts task = tasks.get(i);
            out.append('\n').append(i + 1).append(". 【").append(task.light().label()).append("·")
                    .append(task.worstRule().label()).append("】").append(task.taskId()).append(' ')
                    .append(task.taskTitle()).append('\n')
                    .append("   截止时间：").append(deadline(task)).append("（").append(daysLeft(task.daysLeft())).append("）\n");
            if (digest.audience().isCoordinators()) {
                for (Map.Entry<Rule, List<UnitAlerts>> group : byRule(task).entrySet()) {
                    out.append("   ").append(group.getKey().label()).append("：").append(unitsText(group.getValue())).append('\n');
                }
                out.append("   查看：").append(taskUrl(task.taskId())).append('\n');
            } else {
                UnitAlerts unit = task.units().getFirst();
                out.append("   最新状态：").append(status(unit)).append('\n')
                        .append("   原因：").append(String.join("；", unit.reasons())).append('\n')
                        .append("   填报：").append(taskUrl(task.taskId())).append('\n');
            }
        }
        if (shown < tasks.size()) {
            out.append('\n').append(rest(digest, tasks.size() - shown, true)).append('\n');
        }
        out.append("\n此邮件由系统自动发送，请勿直接回复。\n");
        return out.toString();
    }

    // ------------------------------------------------------------------ HTML

    String html(AlertDigest digest) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(Html.escape(subject(digest))).append("</title></head>")
                .append("<body style=\"margin:0;padding:16px;font-family:'PingFang SC','Microsoft YaHei',sans-serif;")
                .append("font-size:14px;color:#1f2328;background:#ffffff;\">")
                .append("<p style=\"margin:0 0 12px;\">").append(Html.escape(digest.audienceName())).append("：</p>")
                .append("<p style=\"margin:0 0 12px;\">").append(Html.escape(intro(digest))).append("</p>");
        List<TaskAlerts> tasks = digest.byTask();
        if (digest.audience().isCoordinators()) {
            out.append("<p style=\"margin:0 0 12px;\"><a style=\"").append(LINK).append("\" href=\"")
                    .append(Html.escape(boardUrl(null))).append("\">打开看板（红黄灯任务，按风险排序）</a></p>");
            tallyTable(out, digest);
            out.append(heading("二、预警任务（按严重程度排列，每项任务一行）"));
        }
        out.append("<table style=\"border-collapse:collapse;width:100%;\" cellpadding=\"0\" cellspacing=\"0\"><thead><tr>");
        List<String> headings = digest.audience().isCoordinators()
                ? List.of("预警", "任务", "截止时间", "责任单位（最新状态）", "查看")
                : List.of("预警", "任务", "截止时间", "最新状态", "原因", "填报");
        headings.forEach(h -> out.append("<th style=\"").append(HEAD).append("\">").append(h).append("</th>"));
        out.append("</tr></thead><tbody>");
        int shown = shown(digest, tasks);
        for (int i = 0; i < shown; i++) {
            TaskAlerts task = tasks.get(i);
            out.append("<tr><td style=\"").append(CELL).append("color:#ffffff;background:")
                    .append(LIGHT_COLOURS.get(task.light())).append(";white-space:nowrap;\">")
                    .append(task.light().label()).append("·").append(task.worstRule().label()).append("</td>")
                    .append(cell(task.taskId() + " " + task.taskTitle()))
                    .append("<td style=\"").append(CELL).append("white-space:nowrap;\">").append(deadline(task))
                    .append("<br>").append(daysLeft(task.daysLeft())).append("</td>");
            if (digest.audience().isCoordinators()) {
                out.append("<td style=\"").append(CELL).append("\">");
                for (Map.Entry<Rule, List<UnitAlerts>> group : byRule(task).entrySet()) {
                    out.append("<div style=\"margin:0 0 4px;\"><b>").append(group.getKey().label()).append("</b>：")
                            .append(Html.escape(unitsText(group.getValue()))).append("</div>");
                }
                out.append("</td>").append(linkCell(taskUrl(task.taskId()), "查看"));
            } else {
                UnitAlerts unit = task.units().getFirst();
                out.append(cell(status(unit))).append(cell(String.join("；", unit.reasons())))
                        .append(linkCell(taskUrl(task.taskId()), "去填报"));
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        if (shown < tasks.size()) {
            out.append("<p style=\"margin:12px 0 0;\">").append(Html.escape(rest(digest, tasks.size() - shown, false)))
                    .append(" <a style=\"").append(LINK).append("\" href=\"").append(Html.escape(boardUrl(null)))
                    .append("\">打开看板</a></p>");
        }
        out.append("<p style=\"margin:12px 0 0;color:#656d76;font-size:12px;\">此邮件由系统自动发送，请勿直接回复。</p>")
                .append("</body></html>");
        return out.toString();
    }

    private void tallyTable(StringBuilder out, AlertDigest digest) {
        List<UnitTally> units = digest.byUnit();
        List<Rule> rules = Rule.WORST_FIRST.stream()
                .filter(r -> units.stream().anyMatch(u -> u.byRule().containsKey(r))).toList();
        out.append(heading("一、各单位预警任务数（单位：项任务；红/黄为灯号）"))
                .append("<table style=\"border-collapse:collapse;margin:0 0 16px;\" cellpadding=\"0\" cellspacing=\"0\">")
                .append("<thead><tr><th style=\"").append(HEAD).append("\">责任单位</th>");
        rules.forEach(r -> out.append("<th style=\"").append(HEAD).append("text-align:center;\">").append(r.label()).append("</th>"));
        out.append("<th style=\"").append(HEAD).append("text-align:center;\">合计</th></tr></thead><tbody>");
        for (UnitTally unit : units) {
            out.append("<tr><td style=\"").append(CELL).append("white-space:nowrap;\"><a style=\"").append(LINK)
                    .append("\" href=\"").append(Html.escape(boardUrl(unit.unitId()))).append("\">")
                    .append(Html.escape(unit.unitName())).append("</a></td>");
            for (Rule rule : rules) {
                out.append("<td style=\"").append(NUM).append("\">");
                int red = unit.count(rule, Light.RED);
                int yellow = unit.count(rule, Light.YELLOW);
                if (red > 0) {
                    out.append("<span style=\"color:").append(LIGHT_COLOURS.get(Light.RED)).append(";font-weight:bold;\">红")
                            .append(red).append("</span>");
                }
                if (yellow > 0) {
                    out.append(red > 0 ? " " : "").append("<span style=\"color:").append(LIGHT_COLOURS.get(Light.YELLOW))
                            .append(";\">黄").append(yellow).append("</span>");
                }
                if (red == 0 && yellow == 0) {
                    out.append("<span style=\"color:#8c959f;\">–</span>");
                }
                out.append("</td>");
            }
            out.append("<td style=\"").append(NUM).append("font-weight:bold;\">").append(unit.tasks()).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    // ------------------------------------------------------------------ pieces

    private static String intro(AlertDigest digest) {
        String s = "截至" + chineseDate(digest.asOf()) + "，锡连帮扶合作进度通有" + digest.taskCount() + "项任务预警";
        if (digest.audience().isCoordinators()) {
            s += "，涉及" + digest.byUnit().size() + "个责任单位、" + CountWords.pairs(digest.pairCount()) + "（同一任务的多个单位合并为一行）";
        }
        return s + "：";
    }

    private String rest(AlertDigest digest, int hidden, boolean withUrl) {
        return "以上为最严重的" + INLINE_TASKS + "项任务，另有" + hidden + "项未列出。完整清单（每个任务与责任单位一行，共"
                + digest.pairCount() + "行）见附件《" + attachmentName(digest) + "》，也可在看板按风险排序查看"
                + (withUrl ? "：" + boardUrl(null) : "。");
    }

    private static int shown(AlertDigest digest, List<TaskAlerts> tasks) {
        return digest.audience().isCoordinators() ? Math.min(INLINE_TASKS, tasks.size()) : tasks.size();
    }

    private static String tallyText(UnitTally unit, Rule rule) {
        int red = unit.count(rule, Light.RED);
        int yellow = unit.count(rule, Light.YELLOW);
        return (red > 0 ? "红" + red : "") + (red > 0 && yellow > 0 ? " " : "") + (yellow > 0 ? "黄" + yellow : "");
    }

    /** A task's units grouped by their most serious rule, most serious first. */
    private static Map<Rule, List<UnitAlerts>> byRule(TaskAlerts task) {
        Map<Rule, List<UnitAlerts>> groups = new LinkedHashMap<>();
        for (UnitAlerts unit : task.units()) {
            groups.computeIfAbsent(unit.worstRule(), r -> new ArrayList<>()).add(unit);
        }
        return groups;
    }

    /** "东海县（未填报）、赣榆区（推进中 30%）"; a single unit also gets its reason. */
    private static String unitsText(List<UnitAlerts> units) {
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

    private static String heading(String text) {
        return "<p style=\"margin:16px 0 8px;font-weight:bold;\">" + Html.escape(text) + "</p>";
    }

    private static String cell(String text) {
        return "<td style=\"" + CELL + "\">" + Html.escape(text).replace("\n", "<br>") + "</td>";
    }

    private static String linkCell(String url, String label) {
        return "<td style=\"" + CELL + "white-space:nowrap;\"><a style=\"" + LINK + "\" href=\"" + Html.escape(url) + "\">"
                + label + "</a></td>";
    }

    String taskUrl(String taskId) {
        return baseUrl + "/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The board's red and yellow tasks sorted by risk (worst first), for one unit when given. */
    String boardUrl(String unitId) {
        return baseUrl + "/board?" + (unitId == null ? "" : "unit=" + URLEncoder.encode(unitId, StandardCharsets.UTF_8) + "&")
                + "light=NOT_GREEN&sort=risk";
    }

    private static String deadline(TaskAlerts task) {
        return task.deadline() == null ? "—" : task.deadline().toString();
    }

    static String daysLeft(long daysLeft) {
        if (daysLeft > 0) {
            return "剩余" + daysLeft + "天";
        }
        return daysLeft == 0 ? "今天截止" : "逾期" + (-daysLeft) + "天";
    }

    static String status(UnitAlerts unit) {
        return unit.status() == null ? "未填报" : unit.status().label() + " " + unit.percent() + "%";
    }

    private static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
