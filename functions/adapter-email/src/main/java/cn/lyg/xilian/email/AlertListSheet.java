package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.alert.TaskAlerts;
import cn.lyg.xilian.core.alert.TaskAlerts.UnitAlerts;
import cn.lyg.xilian.ledger.XlsxSheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The coordinators' full alert list as .xlsx: one row per (task, unit), worst first, rules and reasons folded. */
final class AlertListSheet {

    private static final List<XlsxSheet.Column> COLUMNS = List.of(
            new XlsxSheet.Column("任务编号", 8), new XlsxSheet.Column("任务名称", 36), new XlsxSheet.Column("责任单位", 16),
            new XlsxSheet.Column("灯号", 5), new XlsxSheet.Column("预警类型", 20), new XlsxSheet.Column("完成时限", 11),
            new XlsxSheet.Column("距截止天数（负数为逾期）", 10), new XlsxSheet.Column("填报状态", 8),
            new XlsxSheet.Column("完成进度(%)", 8), new XlsxSheet.Column("原因", 50));

    private AlertListSheet() {
    }

    static byte[] write(AlertDigest digest) {
        List<List<Object>> rows = new ArrayList<>();
        for (TaskAlerts task : digest.byTask()) {
            for (UnitAlerts unit : task.units()) {
                rows.add(Arrays.asList(task.taskId(), task.taskTitle(), unit.unitName(), unit.light().label(),
                        String.join("、", unit.rules().stream().map(Rule::label).toList()), task.deadline(),
                        task.deadline() == null ? null : task.daysLeft(),
                        unit.status() == null ? "未填报" : unit.status().label(), unit.percent(),
                        String.join("；", unit.reasons())));
            }
        }
        return XlsxSheet.write("预警清单", "预警清单 " + digest.asOf(), COLUMNS, rows);
    }
}
