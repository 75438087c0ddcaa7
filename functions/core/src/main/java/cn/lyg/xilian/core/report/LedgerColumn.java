package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.Submission;

import java.util.function.Function;

/**
 * The ledger's columns, in order, with their Chinese headers. Shared by the .xlsx and .csv writers so
 * the download and the attachment carry the same content. A value is a String, a LocalDate, an Integer
 * or null (an empty cell).
 */
public enum LedgerColumn {
    TASK_ID("任务编号", 10, LedgerRow::taskId),
    TASK_TITLE("任务名称", 40, LedgerRow::taskTitle),
    SECTION("所属板块", 24, LedgerRow::sectionTitle),
    FIELD("领域", 10, LedgerRow::fieldLabel),
    UNIT_NAME("责任单位", 20, LedgerRow::unitName),
    UNIT_ID("单位编号", 14, LedgerRow::unitId),
    DEADLINE("完成时限", 12, LedgerRow::deadline),
    STATUS("填报状态", 10, LedgerRow::statusLabel),
    PERCENT("完成进度(%)", 12, LedgerRow::percent),
    TARGETS("量化目标（已报/目标）", 40, LedgerRow::targetFigures),
    LIGHT("灯号", 6, row -> row.light().label()),
    REASON("原因", 50, LedgerRow::reason),
    LAST_REPORT("最近填报日期", 14, LedgerRow::lastReportDate),
    // The latest report itself; free text typed by units, written formula-guarded by every writer.
    PROGRESS("进展情况", 50, row -> row.reported(Submission::progress)),
    PROBLEMS("存在问题", 40, row -> row.reported(Submission::problems)),
    NEXT_STEPS("下步打算", 40, row -> row.reported(Submission::nextSteps)),
    REPORTER("填报人", 10, row -> row.reported(Submission::reporter)),
    PHONE("联系电话", 14, row -> row.reported(Submission::phone)),
    SUBMISSIONS("填报次数", 8, LedgerRow::submissions),
    REVIEW("审核情况", 20, LedgerRow::review),
    EXTENSION("延期情况", 30, LedgerRow::extension),
    EVIDENCE("佐证材料", 40, LedgerRow::evidence);

    private final String header;
    private final int widthChars;
    private final Function<LedgerRow, Object> value;

    LedgerColumn(String header, int widthChars, Function<LedgerRow, Object> value) {
        this.header = header;
        this.widthChars = widthChars;
        this.value = value;
    }

    public String header() {
        return header;
    }

    /** A display width in characters, a hint for spreadsheet writers. */
    public int widthChars() {
        return widthChars;
    }

    public Object valueOf(LedgerRow row) {
        return value.apply(row);
    }
}
