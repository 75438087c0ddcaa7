package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummaryWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The 年度总结 as an .xlsx workbook, written like the ledger ({@link XlsxSheet}: dates are date cells, numbers
 * numeric cells, text formula-guarded), with three sheets: "任务完成情况" (one row per task and unit), "单位排名"
 * (totals and rank per unit) and "存在问题" (the latest non-empty 存在问题 of each pair, by unit).
 */
public final class XlsxYearSummaryWriter implements YearSummaryWriter {

    private static final List<XlsxSheet.Column> PAIRS = List.of(col("任务编号", 8), col("任务", 30), col("责任单位", 10),
            col("最终状态", 6), col("进度(%)", 6), col("指标完成情况", 30), col("指标是否达标", 6), col("时限", 8),
            col("是否延期", 6), col("完成日期", 8), col("按期情况", 8), col("填报次数", 6), col("审核结果", 6));
    private static final List<XlsxSheet.Column> UNITS = List.of(col("排名", 4), col("单位", 10), col("任务数", 5),
            col("已完成", 5), col("按期完成", 5), col("逾期完成", 5), col("逾期未完成", 6), col("按期完成率(%)", 8),
            col("完成率(%)", 6), col("达标指标", 6), col("指标总数", 6));
    private static final List<XlsxSheet.Column> PROBLEMS = List.of(col("单位", 10), col("任务编号", 8), col("任务", 30),
            col("填报日期", 8), col("存在问题", 50));

    private static XlsxSheet.Column col(String header, int width) {
        return new XlsxSheet.Column(header, width);
    }

    @Override
    public String contentType() {
        return XlsxSheet.CONTENT_TYPE;
    }

    @Override
    public byte[] write(YearSummary s) {
        List<List<Object>> pairs = new ArrayList<>();
        for (YearSummary.PairLine p : s.pairs()) {
            pairs.add(java.util.Arrays.asList(p.taskId(), p.taskTitle(), p.unitName(), p.status(), p.percent(),
                    p.targetsText(), p.targets().isEmpty() ? "—" : p.targetsAchieved() ? "是" : "否", p.deadline(),
                    p.extended() ? "是" : "否", p.finishedOn(), p.timeliness().label(), p.reports(), p.review()));
        }
        List<List<Object>> units = new ArrayList<>();
        for (YearSummary.UnitLine u : s.units()) {
            units.add(List.of(u.rank(), u.unitName(), u.pairs(), u.done(), u.onTime(), u.late(), u.overdue(),
                    u.onTimeShare(), u.doneShare(), u.targetsAchieved(), u.targets()));
        }
        List<List<Object>> problems = new ArrayList<>();
        for (YearSummary.UnitProblems up : s.problems()) {
            for (YearSummary.Problem p : up.items()) {
                problems.add(List.of(up.unitName(), p.taskId(), p.taskTitle(), p.reportedOn(), p.text()));
            }
        }
        return XlsxSheet.write(s.planTitle() + " 年度总结 " + s.asOf(), List.of(
                new XlsxSheet.Sheet("任务完成情况", PAIRS, pairs),
                new XlsxSheet.Sheet("单位排名", UNITS, units),
                new XlsxSheet.Sheet("存在问题", PROBLEMS, problems)));
    }
}
