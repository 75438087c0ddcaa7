package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.report.Lines.CompletionGroup;
import cn.lyg.xilian.core.report.Lines.TargetProgress;
import cn.lyg.xilian.core.report.ReportText;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.WeeklySummary;

import java.math.BigDecimal;
import java.util.List;

/**
 * The coordinators' Monday summary (templates {@code summary.jte}); a unit's digest is {@link DigestMail}.
 *
 * <p>HTML for mail clients: tables for layout, inline styles only, no scripts, no images; a progress bar is a one-row
 * table whose filled cell has the percent as its width. In the plain text, user text is folded to one line
 * ({@link MailText#oneLine}) so a report cannot forge extra lines of the mail.
 */
public record SummaryMail(WeeklySummary summary, MailLinks links) {

    static final String PRODUCT = "锡连帮扶合作进度";

    /** "【周报】2026年第47周 锡连帮扶合作进度（11月16日—11月22日）" */
    public String subject() {
        return subject(summary.week(), "");
    }

    /** The subject of a week's mail, {@code who} (a unit's name and a space) after the week. */
    static String subject(ReportWeek week, String who) {
        return "【周报】" + week.chineseTitle() + " " + who + PRODUCT + "（" + week.chineseRange() + "）";
    }

    public String footer() {
        return "附件为截至" + ReportText.chineseDate(summary.asOf()) + "的台账（.xlsx）。" + MailText.AUTOMATIC;
    }

    /** Completion by section, by field and by unit: {@code by} names the grouping ("板块"). */
    public record Grouping(String by, List<CompletionGroup> groups) {
    }

    public List<Grouping> groupings() {
        return List.of(new Grouping("板块", summary.bySection()), new Grouping("领域", summary.byField()),
                new Grouping("责任单位", summary.byUnit()));
    }

    /** Reports are counted in 条, status changes and completions per (task, unit): each says so. */
    public String weekNews() {
        return "本周新增填报" + summary.newSubmissions().size() + "条，状态变化" + CountWords.pairs(summary.statusChanges().size())
                + "，新完成" + CountWords.pairs(summary.completions().size()) + "。";
    }

    /** "4.5个" */
    public static String figure(BigDecimal value, TargetProgress t) {
        return ReportText.plain(value) + t.measure();
    }

    /** "落后1.5个" or "达到进度". */
    public static String gap(TargetProgress t) {
        return t.behind() ? "落后" + figure(t.gap(), t) : "达到进度";
    }
}
