package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.LedgerColumn;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import static cn.lyg.xilian.core.report.LedgerColumn.*;
import static org.assertj.core.api.Assertions.assertThat;

class XlsxLedgerWriterTest {

    private final byte[] xlsx = new XlsxLedgerWriter().write(LedgerSamples.sample());

    private static XSSFWorkbook open(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static void assertText(Cell cell, String expected) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(expected);
    }

    private static void assertDate(Cell cell, LocalDate expected) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected);
    }

    private static void assertNumber(Cell cell, double expected) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isFalse();
        assertThat(cell.getNumericCellValue()).isEqualTo(expected);
    }

    @Test
    void theSameLedgerGivesTheSameBytesSoARetriedEmailCarriesTheSameAttachment() {
        Ledger ledger = LedgerSamples.sample();
        assertThat(new XlsxLedgerWriter().write(ledger)).isEqualTo(new XlsxLedgerWriter().write(ledger));
    }

    @Test
    void anEmptyLedgerIsStillAWorkbookWithItsHeader() throws Exception {
        Ledger empty = new Ledger(2026, "计划", LocalDate.of(2026, 11, 25), java.util.List.of());
        try (XSSFWorkbook workbook = open(new XlsxLedgerWriter().write(empty))) {
            Sheet sheet = workbook.getSheet("台账");
            assertThat(sheet.getLastRowNum()).isZero();
            assertText(sheet.getRow(0).getCell(0), "任务编号");
        }
    }

    @Test
    void headerIsChineseBoldAndFrozen() throws Exception {
        try (XSSFWorkbook workbook = open(xlsx)) {
            Sheet sheet = workbook.getSheet("台账");
            assertThat(sheet).isNotNull();
            Row header = sheet.getRow(0);
            assertThat(header.getLastCellNum()).isEqualTo((short) LedgerColumn.values().length);
            for (LedgerColumn column : LedgerColumn.values()) {
                assertText(header.getCell(column.ordinal()), column.header());
                assertThat(sheet.getColumnWidth(column.ordinal())).isGreaterThanOrEqualTo(12 * 256);
            }
            assertText(header.getCell(0), "任务编号");
            assertText(header.getCell(4), "责任单位");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void aReportedRowCellByCell() throws Exception {
        try (XSSFWorkbook workbook = open(xlsx)) {
            Row row = workbook.getSheet("台账").getRow(1);
            assertText(cell(row, TASK_ID), "1.1");
            assertText(cell(row, TASK_TITLE), "共建产业园区，推动“飞地经济”");
            assertText(cell(row, SECTION), "统筹开展两市帮扶合作");
            assertText(cell(row, FIELD), "");
            assertText(cell(row, UNIT_NAME), "赣榆区");
            assertText(cell(row, UNIT_ID), "ganyu");
            assertDate(cell(row, DEADLINE), LocalDate.of(2026, 12, 31));
            assertText(cell(row, STATUS), "推进中");
            assertNumber(cell(row, PERCENT), 60);
            assertText(cell(row, TARGETS), "签约项目：已报7个/目标10个");
            assertText(cell(row, LIGHT), "黄");
            assertText(cell(row, REASON), "进度滞后：按期应达80%，实际60%");
            assertDate(cell(row, LAST_REPORT), LocalDate.of(2026, 11, 17));
            assertText(cell(row, PROGRESS), "园区二期开工");
            assertText(cell(row, PROBLEMS), "用地指标待批");
            assertText(cell(row, NEXT_STEPS), "12月完成招商");
            assertText(cell(row, REPORTER), "张三");
            assertText(cell(row, PHONE), "0518-85800000");
            assertNumber(cell(row, SUBMISSIONS), 3);
        }
    }

    @Test
    void aNeverReportedRowHasBlankPercentAndDate() throws Exception {
        try (XSSFWorkbook workbook = open(xlsx)) {
            Row row = workbook.getSheet("台账").getRow(2);
            assertText(cell(row, FIELD), "产业");
            assertText(cell(row, STATUS), "未填报");
            assertThat(cell(row, PERCENT).getCellType()).isEqualTo(CellType.BLANK);
            assertText(cell(row, LIGHT), "红");
            assertThat(cell(row, LAST_REPORT).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void hostileTextStaysTextNeverAFormula() throws Exception {
        try (XSSFWorkbook workbook = open(xlsx)) {
            Row row = workbook.getSheet("台账").getRow(3);
            LedgerColumn[] hostileColumns = {TASK_TITLE, SECTION, FIELD, UNIT_NAME, REASON, PROGRESS, PROBLEMS, NEXT_STEPS,
                    REPORTER, PHONE};
            String[] values = {"+SUM(A1:A9)", "-2+3", "@教育", "\tcmd|' /C calc'!A0", LedgerSamples.HOSTILE_REASON,
                    "=1+1", "+cmd", "-2", "@SUM(A1)", "\r=2"};
            for (int i = 0; i < hostileColumns.length; i++) {
                // The exact text, marked quotePrefix (Excel's "this is text"): it stays text after an edit too.
                Cell cell = cell(row, hostileColumns[i]);
                assertText(cell, values[i]);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("quotePrefix on %s", cell.getAddress()).isTrue();
            }
            assertThat(cell(row, TARGETS).getCellStyle().getQuotePrefixed()).isFalse();
            assertText(cell(row, TARGETS), "a,b \"quoted\"\r\nnext line");
            // no formula anywhere in the workbook
            workbook.getSheet("台账").forEach(r -> r.forEach(c ->
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
        }
    }

    /** A row's cell by column (not by index), so a new column leaves these tests as they are. */
    private static Cell cell(Row row, LedgerColumn column) {
        return row.getCell(column.ordinal(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }
}
