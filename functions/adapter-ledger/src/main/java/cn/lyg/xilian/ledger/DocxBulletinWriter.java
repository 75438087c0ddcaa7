package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.BulletinWriter;
import cn.lyg.xilian.core.report.Lines.Headline;
import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;
import cn.lyg.xilian.core.report.Standing;
import cn.lyg.xilian.core.report.UnitScore;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.ledger.OfficialDocx.Body;

import java.util.List;

import static cn.lyg.xilian.ledger.OfficialDocx.chinese;
import static cn.lyg.xilian.ledger.OfficialDocx.ordinal;

/**
 * The weekly 情况通报 as a .docx in the 公文 layout of GB/T 9704 ({@link OfficialDocx}, which also says why it is
 * written by hand): 总体情况, red and overdue tasks, the units' ranking, the problems by unit, the work ahead.
 */
public final class DocxBulletinWriter implements BulletinWriter {

    public static final String CONTENT_TYPE = OfficialDocx.CONTENT_TYPE;

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] write(WeeklySummary s, Heading heading) {
        Body b = new Body(heading.title(), s.week().chineseTitle() + "　" + s.week().chineseRange());

        b.p("Heading1", "一、总体情况");
        Headline h = s.headline();
        b.text("截至" + chinese(s.asOf()) + "，" + s.planTitle() + "共" + h.tasks() + "项任务，已完成" + h.completed()
                + "项，逾期未完成" + h.overdue() + "项，30日内到期" + h.dueWithin30Days() + "项。按预警规则，红灯" + h.red()
                + "项、黄灯" + h.yellow() + "项、绿灯" + h.green() + "项。本周收到进度填报" + s.newSubmissions().size()
                + "条，" + s.missingReports().size() + "个单位有任务未按周填报。");

        b.p("Heading1", "二、红灯和逾期任务");
        b.p("Heading2", "（一）红灯任务");
        b.numbered(s.redItems().stream().map((RedItem r) -> r.taskId() + " " + r.taskTitle() + "（" + r.unitName()
                + "）：" + String.join("；", r.reasons()) + "。").toList(), "本周无红灯任务。");
        b.p("Heading2", "（二）逾期任务");
        List<Standing.OverduePair> overdue = s.standing().overdue();
        b.numbered(overdue.stream().map(o -> o.taskId() + " " + o.taskTitle() + "（" + o.unitName() + "）："
                + chinese(o.deadline()) + "到期，已逾期" + o.daysOverdue() + "天。").toList(), "本周无逾期未完成任务。");

        b.p("Heading1", "三、各单位排名");
        b.text("得分 = 50 × 按时填报率 + 50 × 按期进度率 − 5 × 逾期任务数 − 2 × 退回次数（最低0分）；"
                + "得分相同的，逾期少者在前，再按退回少者、计划所列单位顺序。");
        b.table(new int[]{885, 2600, 1100, 1300, 1300, 830, 830},
                List.of("排名", "单位", "得分", "按时填报", "按期进度", "逾期", "退回"),
                s.standing().ranking().stream().map((UnitScore sc) -> List.of(String.valueOf(sc.rank()), sc.unitName(),
                        sc.score(), sc.reported() + "/" + sc.cycles(), sc.onPace() + "/" + sc.pairs(),
                        String.valueOf(sc.overdue()), String.valueOf(sc.returned()))).toList());

        b.p("Heading1", "四、存在问题");
        if (s.standing().problems().isEmpty()) {
            b.text("本周各单位填报中未反映问题。");
        }
        int u = 0;
        for (Standing.UnitProblems up : s.standing().problems()) {
            b.p("Heading2", "（" + ordinal(++u) + "）" + up.unitName());
            for (Standing.Problem p : up.items()) {
                b.text(p.taskId() + " " + p.taskTitle() + "：" + p.text());
            }
        }

        b.p("Heading1", "五、下步工作");
        b.p("Heading2", "（一）30日内到期任务");
        b.numbered(s.upcomingDeadlines().stream().map((UpcomingDeadline d) -> d.taskId() + " " + d.taskTitle() + "（"
                + String.join("、", d.openUnits()) + "）：" + d.what() + chinese(d.due()) + "，还有" + d.daysLeft()
                + "天。").toList(), "未来30日内无到期任务。");
        b.p("Heading2", "（二）逾期任务督办");
        b.text(overdue.isEmpty() ? "无。" : "请" + String.join("、", overdue.stream().map(Standing.OverduePair::unitName)
                .distinct().toList()) + "对逾期任务明确完成时间，抓紧推进，并在下周填报中说明进展。");
        return OfficialDocx.write(heading, b);
    }
}
