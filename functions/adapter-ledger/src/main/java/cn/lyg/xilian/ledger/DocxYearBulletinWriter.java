package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.BulletinWriter.Heading;
import cn.lyg.xilian.core.yearend.YearBulletinWriter;
import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummary.PairLine;
import cn.lyg.xilian.core.yearend.YearSummary.Timeliness;
import cn.lyg.xilian.core.yearend.YearSummary.Totals;
import cn.lyg.xilian.core.yearend.YearSummary.UnitLine;
import cn.lyg.xilian.ledger.OfficialDocx.Body;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

import static cn.lyg.xilian.ledger.OfficialDocx.chinese;
import static cn.lyg.xilian.ledger.OfficialDocx.ordinal;

/**
 * The 年度总结 as a .docx in the weekly 情况通报's 公文 layout ({@link OfficialDocx}): 总体情况 in figures, the units'
 * totals and ranking (core UnitRanking), the tasks not completed, completed late or short of their targets (each
 * against its effective deadline: an approved extension counts), and the year's 存在问题 by unit.
 */
public final class DocxYearBulletinWriter implements YearBulletinWriter {

    /** The ranking rule in words (core yearend.UnitRanking), as the 年度总结 page states it. */
    static final String RANKING_RULE = "排名规则：按期完成率（含批准延期）高者在前；相同时看完成率；再相同时逾期未完成任务少者在前；"
            + "仍相同时按计划中的单位顺序。";

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public String contentType() {
        return OfficialDocx.CONTENT_TYPE;
    }

    @Override
    public byte[] write(YearSummary s, Heading heading) {
        Body b = new Body(heading.title(), "截至" + chinese(s.asOf()));
        Totals t = s.totals();

        b.p("Heading1", "一、总体情况");
        b.text(s.planYear() + "年，" + s.planTitle() + "共列任务" + t.tasks() + "项，涉及责任单位" + t.units() + "个，"
                + "各单位承担任务合计" + t.pairs() + "项次。截至" + chinese(s.asOf()) + "，已完成" + t.done() + "项次（按期完成"
                + t.onTime() + "项次，其中经批准延期后按期完成" + t.onTimeExtended() + "项次；逾期完成" + t.late() + "项次），逾期未完成"
                + t.overdue() + "项次，尚未到期" + t.open() + "项次；经批准延期" + t.extended() + "项次。");
        b.text("量化指标共" + t.targets() + "项，达标" + t.targetsAchieved() + "项、未达标" + (t.targets() - t.targetsAchieved())
                + "项。全年共收到进度填报" + t.reports() + "次，" + t.neverReported() + "项次全年未填报。");

        b.p("Heading1", "二、各单位完成情况和排名");
        b.text(RANKING_RULE);
        // at 4号 (14 pt) each column holds its figures on one line (a header of four or five characters wraps in two)
        b.table(new int[]{780, 1500, 780, 1060, 780, 780, 1060, 1325, 780},
                List.of("排名", "单位", "任务", "已完成", "按期完成", "逾期完成", "逾期未完成", "按期完成率", "指标达标"),
                s.units().stream().map((UnitLine u) -> List.of(String.valueOf(u.rank()), u.unitName(),
                        String.valueOf(u.pairs()), String.valueOf(u.done()), String.valueOf(u.onTime()),
                        String.valueOf(u.late()), String.valueOf(u.overdue()), u.onTimeShare().toPlainString() + "%",
                        u.targets() == 0 ? "—" : u.targetsAchieved() + "/" + u.targets())).toList());

        b.p("Heading1", "三、未完成和逾期完成的任务");
        b.p("Heading2", "（一）逾期未完成");
        b.numbered(lines(s, p -> p.timeliness() == Timeliness.OVERDUE, p -> "时限" + deadline(p) + "，进度"
                + p.percent() + "%，" + p.status() + "，已逾期" + ChronoUnit.DAYS.between(p.deadline(), s.asOf()) + "天。"),
                "无逾期未完成的任务。");
        b.p("Heading2", "（二）逾期完成");
        b.numbered(lines(s, p -> p.timeliness() == Timeliness.LATE, p -> "时限" + deadline(p) + "，" + chinese(p.finishedOn())
                + "完成，逾期" + ChronoUnit.DAYS.between(p.deadline(), p.finishedOn()) + "天。"), "无逾期完成的任务。");
        b.p("Heading2", "（三）量化指标未达标");
        b.numbered(lines(s, p -> !p.targetsAchieved(), p -> p.targetsText() + "。"), "各项量化指标均已达标。");

        b.p("Heading1", "四、存在问题");
        if (s.problems().isEmpty()) {
            b.text("各单位最近一次填报均未反映存在问题。");
        }
        int u = 0;
        for (YearSummary.UnitProblems up : s.problems()) {
            b.p("Heading2", "（" + ordinal(++u) + "）" + up.unitName());
            for (YearSummary.Problem p : up.items()) {
                b.text(p.taskId() + " " + p.taskTitle() + "（" + chinese(p.reportedOn()) + "）：" + p.text());
            }
        }
        return OfficialDocx.write(heading, b);
    }

    private static List<String> lines(YearSummary s, Predicate<PairLine> which,
                                      java.util.function.Function<PairLine, String> how) {
        return s.pairs().stream().filter(which)
                .map(p -> p.taskId() + " " + p.taskTitle() + "（" + p.unitName() + "）：" + how.apply(p)).toList();
    }

    /** "2026年12月31日", or "2027年1月10日（已批准延期）". */
    private static String deadline(PairLine p) {
        return chinese(p.deadline()) + (p.extended() ? "（已批准延期）" : "");
    }
}
