package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.Light;
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
import cn.lyg.xilian.core.report.ReportText;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;

import cn.lyg.xilian.email.view.CalendarWarningText;
import cn.lyg.xilian.email.view.CountWords;
import java.util.List;
import java.util.Map;

/**
 * The words of the weekly mails: subjects, HTML and plain text, in Chinese.
 *
 * <p>HTML for mail clients: layout with tables, inline styles only, no scripts, no images; a progress
 * bar is a one-row table whose filled cell has the percent as its width. Every string that came from
 * users or the imported plan goes through {@link Html#escape}; in the plain text, user text is folded to
 * one line ({@link #oneLine}) so a report cannot forge extra lines of the mail.
 */
final class SummaryMailTemplates {

    private static final Map<Light, String> LIGHT_COLOURS = Map.of(
            Light.RED, "#c0392b", Light.YELLOW, "#d4a017", Light.GREEN, "#2e8b57");
    private static final String CELL = "padding:6px 8px;border:1px solid #d0d7de;vertical-align:top;";
    private static final String HEAD = CELL + "background:#f3f5f7;text-align:left;font-weight:bold;";
    private static final String H2 = "margin:20px 0 8px;font-size:16px;color:#1f2328;";
    private static final String TABLE = "border-collapse:collapse;width:100%;margin:0 0 8px;";
    private static final String PRODUCT = "锡连帮扶合作进度";

    private final String baseUrl;

    SummaryMailTemplates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    // ---- subjects ----

    /** "【周报】2026年第47周 锡连帮扶合作进度（11月16日—11月22日）" */
    String summarySubject(ReportWeek week) {
        return "【周报】" + week.chineseTitle() + " " + PRODUCT + "（" + week.chineseRange() + "）";
    }

    /** "【周报】2026年第47周 赣榆区 锡连帮扶合作进度（11月16日—11月22日）" */
    String digestSubject(UnitDigest digest) {
        return "【周报】" + digest.week().chineseTitle() + " " + oneLine(digest.unitName()) + " " + PRODUCT
                + "（" + digest.week().chineseRange() + "）";
    }

    // ---- coordinators' summary ----

    String summaryHtml(WeeklySummary s) {
        Headline h = s.headline();
        StringBuilder out = open(summarySubject(s.week()));
        out.append(p("市发改委：")).append(p("以下为" + s.week().chineseTitle() + "（" + s.week().chineseRange()
                + "）锡连帮扶合作进度周报，灯号与按期进度截至" + ReportText.chineseDate(s.asOf()) + "。"));
        if (s.missingCalendar() != null) {
            out.append("<p style=\"margin:0 0 12px;padding:8px 10px;border:1px solid #d4a017;background:#fff8e1;\">")
                    .append("<strong>提示：</strong>").append(Html.escape(CalendarWarningText.forCoordinators(s.missingCalendar())))
                    .append("</p>");
        }

        out.append(h2("一、总体情况（单位：项任务）"));
        out.append(table(List.of("任务总数", "红灯", "黄灯", "绿灯", "已完成", "已逾期", "30天内到期"),
                List.of(List.of(num(h.tasks()), colored(Light.RED, num(h.red())), colored(Light.YELLOW, num(h.yellow())),
                        colored(Light.GREEN, num(h.green())), num(h.completed()), num(h.overdue()),
                        num(h.dueWithin30Days())))));

        out.append(h2("二、完成情况（单位：个“任务–单位”）"));
        out.append(groupTable("板块", s.bySection()));
        out.append(groupTable("领域", s.byField()));
        out.append(groupTable("责任单位", s.byUnit()));

        out.append(h2("三、本周动态"));
        out.append(p(weekNews(s)));
        out.append(submissionTable(s.newSubmissions(), true));
        if (!s.statusChanges().isEmpty()) {
            out.append(table(List.of("任务", "责任单位", "状态变化"), s.statusChanges().stream()
                    .map(c -> List.of(task(c.taskId(), c.taskTitle()), esc(c.unitName()),
                            esc(c.fromLabel() + " → " + c.to().label()))).toList()));
        }
        if (!s.completions().isEmpty()) {
            out.append(table(List.of("新完成任务", "责任单位", "完成填报日期"), s.completions().stream()
                    .map(c -> List.of(task(c.taskId(), c.taskTitle()), esc(c.unitName()), esc(c.on().toString())))
                    .toList()));
        }
        if (!s.baselineKnown()) {
            out.append(small("注：缺少上周末状态快照，状态变化仅统计本周内多次填报之间的变化。"));
        }

        out.append(h2("四、催报名单（本周未填报）"));
        out.append(s.missingReports().isEmpty() ? p("各单位本周均已填报。")
                : table(List.of("责任单位", "未填报任务"), s.missingReports().stream()
                .map(m -> List.of(esc(m.unitName()), taskList(m.tasks()))).toList()));

        out.append(h2("五、红灯事项"));
        out.append(s.redItems().isEmpty() ? p("无。")
                : table(List.of("任务", "责任单位", "原因"), s.redItems().stream()
                .map(r -> List.of(task(r.taskId(), r.taskTitle()), esc(r.unitName()), esc(String.join("；", r.reasons()))))
                .toList()));

        out.append(h2("六、30天内到期"));
        out.append(upcomingTable(s.upcomingDeadlines()));

        out.append(h2("七、量化指标"));
        out.append(s.targets().isEmpty() ? p("无。")
                : table(List.of("任务", "责任单位", "指标", "目标", "已报", "按期应达", "差距"), s.targets().stream()
                .map(t -> List.of(task(t.taskId(), t.taskTitle()), esc(t.unitName()), esc(t.metric()),
                        esc(figure(ReportText.plain(t.minimum()), t)), esc(figure(ReportText.plain(t.reported()), t)),
                        esc(figure(ReportText.plain(t.expected()), t)), gapCell(t))).toList()));

        if (!s.unreviewed().isEmpty()) {
            out.append(h2("八、待审核的填报"));
            out.append(table(List.of("任务", "责任单位", "填报日期", "已等待（工作日）"), s.unreviewed().stream()
                    .map(u -> List.of(task(u.taskId(), u.taskTitle()), esc(u.unitName()), esc(u.submittedOn().toString()),
                            num(u.workingDays()))).toList()));
        }
        if (!s.withoutEvidence().isEmpty()) {
            out.append(h2("九、本周未附佐证材料的填报"));
            out.append(submissionTable(s.withoutEvidence(), true));
        }
        return close(out, "附件为截至" + ReportText.chineseDate(s.asOf()) + "的台账（.xlsx）。");
    }

    String summaryText(WeeklySummary s) {
        Headline h = s.headline();
        StringBuilder out = new StringBuilder();
        out.append("市发改委：\n\n以下为").append(s.week().chineseTitle()).append("（").append(s.week().chineseRange())
                .append("）锡连帮扶合作进度周报，灯号与按期进度截至").append(ReportText.chineseDate(s.asOf())).append("。\n");
        if (s.missingCalendar() != null) {
            out.append("\n提示：").append(CalendarWarningText.forCoordinators(s.missingCalendar())).append('\n');
        }
        out.append("\n一、总体情况（单位：项任务）\n任务总数").append(h.tasks()).append("项：红灯").append(h.red()).append("项，黄灯")
                .append(h.yellow()).append("项，绿灯").append(h.green()).append("项；已完成").append(h.completed())
                .append("项，已逾期").append(h.overdue()).append("项，30天内到期").append(h.dueWithin30Days()).append("项。\n");
        out.append("\n二、完成情况\n");
        groupText(out, "按板块", s.bySection());
        groupText(out, "按领域", s.byField());
        groupText(out, "按责任单位", s.byUnit());
        out.append("\n三、本周动态\n").append(weekNews(s)).append('\n');
        for (SubmissionLine l : s.newSubmissions()) {
            out.append("- ").append(l.submittedOn()).append(' ').append(oneLine(l.unitName())).append(' ')
                    .append(l.taskId()).append(' ').append(oneLine(l.taskTitle())).append("：").append(l.status().label())
                    .append(' ').append(l.percent()).append("%，").append(oneLine(l.progress())).append('\n');
        }
        for (StatusChange c : s.statusChanges()) {
            out.append("- 状态变化：").append(c.taskId()).append(' ').append(oneLine(c.unitName())).append(' ')
                    .append(c.fromLabel()).append(" → ").append(c.to().label()).append('\n');
        }
        for (Completion c : s.completions()) {
            out.append("- 完成：").append(c.taskId()).append(' ').append(oneLine(c.taskTitle())).append(' ')
                    .append(oneLine(c.unitName())).append('\n');
        }
        if (!s.baselineKnown()) {
            out.append("注：缺少上周末状态快照，状态变化仅统计本周内多次填报之间的变化。\n");
        }
        out.append("\n四、催报名单（本周未填报）\n");
        if (s.missingReports().isEmpty()) {
            out.append("各单位本周均已填报。\n");
        }
        for (MissingReport m : s.missingReports()) {
            out.append("- ").append(oneLine(m.unitName())).append("：").append(taskListText(m.tasks())).append('\n');
        }
        out.append("\n五、红灯事项\n");
        if (s.redItems().isEmpty()) {
            out.append("无。\n");
        }
        for (RedItem r : s.redItems()) {
            out.append("- ").append(r.taskId()).append(' ').append(oneLine(r.taskTitle())).append("（")
                    .append(oneLine(r.unitName())).append("）：").append(oneLine(String.join("；", r.reasons()))).append('\n');
        }
        out.append("\n六、30天内到期\n");
        upcomingText(out, s.upcomingDeadlines());
        out.append("\n七、量化指标\n");
        if (s.targets().isEmpty()) {
            out.append("无。\n");
        }
        for (TargetProgress t : s.targets()) {
            out.append("- ").append(t.taskId()).append(' ').append(oneLine(t.unitName())).append(' ')
                    .append(oneLine(t.metric())).append("：目标").append(figure(ReportText.plain(t.minimum()), t))
                    .append("，已报").append(figure(ReportText.plain(t.reported()), t)).append("，按期应达")
                    .append(figure(ReportText.plain(t.expected()), t)).append("，差距").append(gapText(t)).append('\n');
        }
        if (!s.unreviewed().isEmpty()) {
            out.append("\n八、待审核的填报\n");
            for (var u : s.unreviewed()) {
                out.append("- ").append(u.taskId()).append(' ').append(oneLine(u.taskTitle())).append("（")
                        .append(oneLine(u.unitName())).append("）：").append(u.submittedOn()).append("填报，已等待")
                        .append(u.workingDays()).append("个工作日\n");
            }
        }
        if (!s.withoutEvidence().isEmpty()) {
            out.append("\n九、本周未附佐证材料的填报\n");
            for (SubmissionLine l : s.withoutEvidence()) {
                out.append("- ").append(l.submittedOn()).append(' ').append(oneLine(l.unitName())).append(' ')
                        .append(l.taskId()).append(' ').append(oneLine(l.taskTitle())).append('\n');
            }
        }
        out.append("\n附件为截至").append(ReportText.chineseDate(s.asOf())).append("的台账（.xlsx）。\n");
        return footerText(out);
    }

    // ---- a unit's digest ----

    String digestHtml(UnitDigest d) {
        StringBuilder out = open(digestSubject(d));
        out.append(pHtml(esc(d.unitName()) + "：")).append(p("以下为贵单位" + d.week().chineseTitle() + "（"
                + d.week().chineseRange() + "）帮扶合作任务周报，灯号截至" + ReportText.chineseDate(d.asOf()) + "。"));
        if (!d.instructions().isEmpty()) {
            out.append(h2("督办意见"));
            out.append(table(List.of("任务", "日期", "督办意见"), d.instructions().stream()
                    .map(i -> List.of(task(i.taskId(), i.taskTitle()), esc(i.issuedOn().toString()), esc(i.text())))
                    .toList()));
        }
        out.append(h2("一、本周未填报的任务"));
        out.append(d.notReported().isEmpty() ? p("本周各项任务均已填报。")
                : p("请尽快填报：") + table(List.of("任务", "完成时限"), d.notReported().stream()
                .map(t -> List.of(task(t.taskId(), t.taskTitle()), esc(t.deadline().toString()))).toList()));
        out.append(h2("二、近期到期（30天内）"));
        out.append(upcomingTable(d.dueNext()));
        out.append(h2("三、各任务灯号"));
        out.append(table(List.of("任务", "完成时限", "最新状态", "进度", "灯号", "原因"), d.pairs().stream()
                .map(l -> List.of(task(l.taskId(), l.taskTitle()), esc(l.deadline().toString()), esc(l.statusLabel()),
                        l.percent() == null ? "—" : bar(l.percent(), l.light()), colored(l.light(), l.light().label()),
                        esc(String.join("；", l.reasons())))).toList()));
        out.append(h2("四、本周填报"));
        out.append(d.reported().isEmpty() ? p("本周无填报。") : submissionTable(d.reported(), false));
        return close(out, "附件为贵单位任务的台账（.xlsx）。");
    }

    String digestText(UnitDigest d) {
        StringBuilder out = new StringBuilder();
        out.append(oneLine(d.unitName())).append("：\n\n以下为贵单位").append(d.week().chineseTitle()).append("（")
                .append(d.week().chineseRange()).append("）帮扶合作任务周报，灯号截至")
                .append(ReportText.chineseDate(d.asOf())).append("。\n");
        if (!d.instructions().isEmpty()) {
            out.append("\n督办意见\n");
            for (var i : d.instructions()) {
                out.append("- ").append(i.taskId()).append(' ').append(oneLine(i.taskTitle())).append("（")
                        .append(i.issuedOn()).append("）：").append(oneLine(i.text())).append('\n');
            }
        }
        out.append("\n一、本周未填报的任务\n");
        if (d.notReported().isEmpty()) {
            out.append("本周各项任务均已填报。\n");
        }
        for (TaskRef t : d.notReported()) {
            out.append("- ").append(t.taskId()).append(' ').append(oneLine(t.taskTitle())).append("（完成时限")
                    .append(t.deadline()).append("） 填报：").append(taskUrl(t.taskId())).append('\n');
        }
        out.append("\n二、近期到期（30天内）\n");
        upcomingText(out, d.dueNext());
        out.append("\n三、各任务灯号\n");
        for (PairStatusLine l : d.pairs()) {
            out.append("- 【").append(l.light().label()).append("】").append(l.taskId()).append(' ')
                    .append(oneLine(l.taskTitle())).append("：").append(l.statusLabel())
                    .append(l.percent() == null ? "" : " " + l.percent() + "%");
            if (!l.reasons().isEmpty()) {
                out.append("；").append(oneLine(String.join("；", l.reasons())));
            }
            out.append('\n');
        }
        out.append("\n四、本周填报\n");
        if (d.reported().isEmpty()) {
            out.append("本周无填报。\n");
        }
        for (SubmissionLine l : d.reported()) {
            out.append("- ").append(l.submittedOn()).append(' ').append(l.taskId()).append(' ')
                    .append(oneLine(l.taskTitle())).append("：").append(l.status().label()).append(' ')
                    .append(l.percent()).append("%，").append(oneLine(l.progress())).append('\n');
        }
        out.append("\n附件为贵单位任务的台账（.xlsx）。\n");
        return footerText(out);
    }

    // ---- shared pieces ----

    /** User text on one line: line breaks, tabs and other control characters become spaces. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
    }

    /** A progress bar that survives mail clients: a table of one row, the filled cell as wide as the percent. */
    static String bar(int percent, Light light) {
        int p = Math.clamp(percent, 0, 100);
        StringBuilder out = new StringBuilder("<table role=\"presentation\" width=\"120\" cellpadding=\"0\" cellspacing=\"0\" ")
                .append("style=\"width:120px;border-collapse:collapse;border:1px solid #d0d7de;display:inline-table;")
                .append("vertical-align:middle;\"><tr>");
        if (p > 0) {
            out.append("<td width=\"").append(p).append("%\" style=\"width:").append(p).append("%;height:10px;background:")
                    .append(LIGHT_COLOURS.get(light)).append(";font-size:0;line-height:0;\">&nbsp;</td>");
        }
        if (p < 100) {
            out.append("<td width=\"").append(100 - p).append("%\" style=\"width:").append(100 - p)
                    .append("%;height:10px;background:#eef1f4;font-size:0;line-height:0;\">&nbsp;</td>");
        }
        return out.append("</tr></table> <span style=\"font-size:12px;\">").append(p).append("%</span>").toString();
    }

    private StringBuilder open(String title) {
        return new StringBuilder(16384).append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(title)).append("</title></head>")
                .append("<body style=\"margin:0;padding:16px;font-family:'PingFang SC','Microsoft YaHei',sans-serif;")
                .append("font-size:14px;color:#1f2328;background:#ffffff;\">");
    }

    private static String close(StringBuilder out, String attachmentNote) {
        return out.append(small(esc(attachmentNote) + "此邮件由系统自动发送，请勿直接回复。")).append("</body></html>").toString();
    }

    private static String footerText(StringBuilder out) {
        return out.append("此邮件由系统自动发送，请勿直接回复。\n").toString();
    }

    private String groupTable(String what, List<CompletionGroup> groups) {
        return table(List.of(what, CountWords.PAIRS_HEADER, "其中已完成", "平均进度"), groups.stream()
                .map(g -> List.of(esc(g.label()), num(g.pairs()), num(g.donePairs()),
                        bar(g.averagePercent(), g.averagePercent() >= 100 ? Light.GREEN : Light.YELLOW)))
                .toList());
    }

    /** Reports are counted in 条, status changes and completions per (task, unit): each says so. */
    private static String weekNews(WeeklySummary s) {
        return "本周新增填报" + s.newSubmissions().size() + "条，状态变化" + CountWords.pairs(s.statusChanges().size())
                + "，新完成" + CountWords.pairs(s.completions().size()) + "。";
    }

    private static void groupText(StringBuilder out, String what, List<CompletionGroup> groups) {
        out.append(what).append("（单位：个“任务–单位”，同一任务的每个责任单位各计一个）：\n");
        for (CompletionGroup g : groups) {
            out.append("- ").append(oneLine(g.label())).append("：").append(CountWords.pairs(g.pairs())).append("，已完成")
                    .append(g.donePairs()).append("个，平均进度").append(g.averagePercent()).append("%\n");
        }
    }

    private String submissionTable(List<SubmissionLine> lines, boolean withUnit) {
        if (lines.isEmpty()) {
            return "";
        }
        List<String> headers = withUnit ? List.of("填报日期", "责任单位", "任务", "状态", "进度", "推进情况")
                : List.of("填报日期", "任务", "状态", "进度", "推进情况");
        return table(headers, lines.stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(esc(l.submittedOn().toString())));
            if (withUnit) {
                cells.add(esc(l.unitName()));
            }
            cells.addAll(List.of(task(l.taskId(), l.taskTitle()), esc(l.status().label()), num(l.percent()) + "%",
                    esc(l.progress())));
            return cells;
        }).toList());
    }

    private String upcomingTable(List<UpcomingDeadline> upcoming) {
        return upcoming.isEmpty() ? p("无。") : table(List.of("到期日", "剩余天数", "任务", "事项", "未完成单位"),
                upcoming.stream().map(u -> List.of(esc(u.due().toString()), num(u.daysLeft()),
                        task(u.taskId(), u.taskTitle()), esc(u.what()), esc(String.join("、", u.openUnits())))).toList());
    }

    private static void upcomingText(StringBuilder out, List<UpcomingDeadline> upcoming) {
        if (upcoming.isEmpty()) {
            out.append("无。\n");
        }
        for (UpcomingDeadline u : upcoming) {
            out.append("- ").append(u.due()).append("（剩余").append(u.daysLeft()).append("天） ").append(u.taskId())
                    .append(' ').append(oneLine(u.taskTitle())).append(" ").append(oneLine(u.what())).append("；未完成：")
                    .append(oneLine(String.join("、", u.openUnits()))).append('\n');
        }
    }

    private String taskList(List<TaskRef> tasks) {
        return String.join("<br>", tasks.stream().map(t -> task(t.taskId(), t.taskTitle())).toList());
    }

    private static String taskListText(List<TaskRef> tasks) {
        return String.join("、", tasks.stream().map(t -> t.taskId() + " " + oneLine(t.taskTitle())).toList());
    }

    /** The task id linked to its page on the board, then its title. */
    private String task(String taskId, String title) {
        return "<a href=\"" + esc(taskUrl(taskId)) + "\" style=\"color:#0969da;\">" + esc(taskId) + "</a> " + esc(title);
    }

    private String taskUrl(String taskId) {
        return baseUrl + "/tasks/" + java.net.URLEncoder.encode(taskId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String figure(String value, TargetProgress t) {
        return value + t.measure();
    }

    private static String gapText(TargetProgress t) {
        return t.behind() ? "落后" + ReportText.plain(t.gap()) + t.measure() : "达到进度";
    }

    private static String gapCell(TargetProgress t) {
        return t.behind() ? colored(Light.RED, esc(gapText(t))) : colored(Light.GREEN, esc(gapText(t)));
    }

    /** A table; the cells are already HTML. */
    private static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"")
                .append(TABLE).append("\"><tr>");
        headers.forEach(h -> out.append("<th style=\"").append(HEAD).append("\">").append(esc(h)).append("</th>"));
        out.append("</tr>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td style=\"").append(CELL).append("\">").append(cell).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</table>").toString();
    }

    private static String colored(Light light, String html) {
        return "<span style=\"color:" + LIGHT_COLOURS.get(light) + ";font-weight:bold;\">" + html + "</span>";
    }

    private static String h2(String text) {
        return "<h2 style=\"" + H2 + "\">" + esc(text) + "</h2>";
    }

    /** A paragraph of text (escaped here). */
    private static String p(String text) {
        return pHtml(esc(text));
    }

    private static String pHtml(String html) {
        return "<p style=\"margin:0 0 10px;\">" + html + "</p>";
    }

    private static String small(String html) {
        return "<p style=\"margin:16px 0 0;font-size:12px;color:#656d76;\">" + html + "</p>";
    }

    private static String num(long n) {
        return Long.toString(n);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
