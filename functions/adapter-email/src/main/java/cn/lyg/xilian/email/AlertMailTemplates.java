package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertLine;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of an alert email: subject, HTML and plain text. Mail clients drop style sheets and
 * block remote content, so the HTML uses inline styles only and no images; every string that came
 * from users or from the imported plan is escaped.
 */
final class AlertMailTemplates {

    /** Order of the counts in the subject: the most serious first. */
    private static final List<Rule> SUBJECT_ORDER = List.of(
            Rule.OVERDUE, Rule.REPORTED_BLOCKED, Rule.BEHIND, Rule.APPROACHING, Rule.UNREPORTED);

    private static final Map<Light, String> LIGHT_COLOURS = Map.of(
            Light.RED, "#c0392b", Light.YELLOW, "#d4a017", Light.GREEN, "#2e8b57");

    private static final String CELL = "padding:6px 8px;border:1px solid #d0d7de;vertical-align:top;";
    private static final String HEAD = CELL + "background:#f3f5f7;text-align:left;font-weight:bold;";

    private final String baseUrl;

    AlertMailTemplates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** e.g. "【预警】3项逾期 5项临近截止". */
    String subject(AlertDigest digest) {
        List<String> counts = new ArrayList<>();
        for (Rule rule : SUBJECT_ORDER) {
            long n = digest.count(rule);
            if (n > 0) {
                counts.add(n + "项" + rule.label());
            }
        }
        return "【预警】" + String.join(" ", counts);
    }

    String text(AlertDigest digest) {
        StringBuilder out = new StringBuilder();
        out.append(digest.audienceName()).append("：\n\n")
                .append("截至").append(chineseDate(digest.asOf())).append("，锡连帮扶合作进度通有以下")
                .append(digest.lines().size()).append("项预警：\n");
        int i = 1;
        for (AlertLine line : digest.lines()) {
            out.append('\n').append(i++).append(". 【").append(line.light().label()).append("·")
                    .append(line.rule().label()).append("】").append(line.taskId()).append(' ')
                    .append(line.taskTitle()).append('\n')
                    .append("   责任单位：").append(line.unitName()).append('\n')
                    .append("   截止时间：").append(deadline(line)).append("（").append(daysLeft(line)).append("）\n")
                    .append("   最新状态：").append(status(line)).append('\n')
                    .append("   原因：").append(line.reason()).append('\n')
                    .append("   填报：").append(taskUrl(line)).append('\n');
        }
        out.append("\n此邮件由系统自动发送，请勿直接回复。\n");
        return out.toString();
    }

    String html(AlertDigest digest) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(Html.escape(subject(digest))).append("</title></head>")
                .append("<body style=\"margin:0;padding:16px;font-family:'PingFang SC','Microsoft YaHei',sans-serif;")
                .append("font-size:14px;color:#1f2328;background:#ffffff;\">")
                .append("<p style=\"margin:0 0 12px;\">").append(Html.escape(digest.audienceName())).append("：</p>")
                .append("<p style=\"margin:0 0 12px;\">截至").append(chineseDate(digest.asOf()))
                .append("，锡连帮扶合作进度通有以下").append(digest.lines().size()).append("项预警：</p>")
                .append("<table style=\"border-collapse:collapse;width:100%;\" cellpadding=\"0\" cellspacing=\"0\">")
                .append("<thead><tr>");
        for (String heading : List.of("预警", "任务", "责任单位", "截止时间", "剩余/逾期", "最新状态", "原因", "填报")) {
            out.append("<th style=\"").append(HEAD).append("\">").append(heading).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (AlertLine line : digest.lines()) {
            out.append("<tr>")
                    .append("<td style=\"").append(CELL).append("color:#ffffff;background:")
                    .append(LIGHT_COLOURS.get(line.light())).append(";white-space:nowrap;\">")
                    .append(line.light().label()).append("·").append(line.rule().label()).append("</td>")
                    .append(cell(line.taskId() + " " + line.taskTitle()))
                    .append(cell(line.unitName()))
                    .append(cell(deadline(line)))
                    .append(cell(daysLeft(line)))
                    .append(cell(status(line)))
                    .append(cell(line.reason()))
                    .append("<td style=\"").append(CELL).append("\"><a style=\"color:#0969da;\" href=\"")
                    .append(Html.escape(taskUrl(line))).append("\">去填报</a></td>")
                    .append("</tr>");
        }
        out.append("</tbody></table>")
                .append("<p style=\"margin:12px 0 0;color:#656d76;font-size:12px;\">此邮件由系统自动发送，请勿直接回复。</p>")
                .append("</body></html>");
        return out.toString();
    }

    private static String cell(String text) {
        return "<td style=\"" + CELL + "\">" + Html.escape(text) + "</td>";
    }

    String taskUrl(AlertLine line) {
        return baseUrl + "/tasks/" + URLEncoder.encode(line.taskId(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String deadline(AlertLine line) {
        return line.deadline() == null ? "—" : line.deadline().toString();
    }

    private static String daysLeft(AlertLine line) {
        if (line.daysLeft() > 0) {
            return "剩余" + line.daysLeft() + "天";
        }
        return line.daysLeft() == 0 ? "今天截止" : "逾期" + (-line.daysLeft()) + "天";
    }

    private static String status(AlertLine line) {
        return line.status() == null ? "未填报" : line.status().label() + " " + line.percent() + "%";
    }

    private static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
