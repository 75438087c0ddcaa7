package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummary.PairLine;
import cn.lyg.xilian.core.yearend.YearSummary.Problem;
import cn.lyg.xilian.core.yearend.YearSummary.TargetLine;
import cn.lyg.xilian.core.yearend.YearSummary.Timeliness;
import cn.lyg.xilian.core.yearend.YearSummary.UnitLine;
import cn.lyg.xilian.core.yearend.YearSummary.UnitProblems;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxYearSummaryWriterTest {

    private static final String HOSTILE = "=HYPERLINK(\"http://evil\",\"点击\")";

    static YearSummary sample() {
        PairLine done = new PairLine("3.1.1", "共建产业园区", "ganyu", "赣榆区", "已完成", 100,
                List.of(new TargetLine("签约项目", "个", new BigDecimal("10"), new BigDecimal("12"))),
                LocalDate.of(2026, 12, 31), false, LocalDate.of(2026, 12, 10), Timeliness.ON_TIME, 9, "通过");
        PairLine hostile = new PairLine("3.1.2", "+SUM(A1:A9)", "donghai", "东海县", "推进中", 70, List.of(),
                LocalDate.of(2027, 1, 10), true, null, Timeliness.OVERDUE, 4, "未审核");
        return new YearSummary(2026, "2026年锡连南北结对帮扶合作计划", LocalDate.of(2027, 1, 15), List.of(done, hostile),
                List.of(new UnitLine(1, "ganyu", "赣榆区", 1, 1, 1, 0, 0, 1, 1),
                        new UnitLine(2, "donghai", "东海县", 1, 0, 0, 0, 1, 0, 0)),
                List.of(new UnitProblems("donghai", "东海县",
                        List.of(new Problem("3.1.2", "+SUM(A1:A9)", LocalDate.of(2026, 12, 28), HOSTILE)))));
    }

    @Test
    void opensWithPoiWithChineseIntactAndHostileTextStoredAsText() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(new XlsxYearSummaryWriter().write(sample())))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("任务完成情况", "单位排名", "存在问题");

            Row first = wb.getSheet("任务完成情况").getRow(1);
            assertThat(text(first, 1)).isEqualTo("共建产业园区");
            assertThat(text(first, 5)).isEqualTo("签约项目 12/10个 达标");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(100);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(9))).isTrue();
            assertThat(first.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2026-12-10");
            assertThat(text(first, 10)).isEqualTo("按期完成");

            Row hostile = wb.getSheet("任务完成情况").getRow(2);
            assertThat(text(hostile, 1)).isEqualTo("+SUM(A1:A9)");
            assertThat(hostile.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(text(hostile, 8)).isEqualTo("是");

            Row unit = wb.getSheet("单位排名").getRow(2);
            assertThat(unit.getCell(0).getNumericCellValue()).isEqualTo(2);
            assertThat(text(unit, 1)).isEqualTo("东海县");

            Row problem = wb.getSheet("存在问题").getRow(1);
            assertThat(text(problem, 4)).isEqualTo(HOSTILE);
            assertThat(problem.getCell(4).getCellStyle().getQuotePrefixed()).isTrue();
            wb.forEach(sheet -> sheet.forEach(r -> r.forEach(c ->
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA))));
        }
    }

    @Test
    void theLedgerStaysOneSheet() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(new XlsxLedgerWriter()
                .write(LedgerSamples.sample())))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
        }
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }
}
