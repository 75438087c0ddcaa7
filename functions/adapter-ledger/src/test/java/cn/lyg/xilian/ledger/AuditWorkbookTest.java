package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWorkbookTest {

    private static final String HOSTILE = "=HYPERLINK(\"https://evil.example\",\"点我\")";

    @Test
    void theMonthOpensInPoiWithChineseIntactAndHostileTextKeptAsText() throws Exception {
        List<AuditEntry> entries = List.of(
                new AuditEntry("e2", Instant.parse("2026-12-07T02:30:00Z"), new Actor(Actor.Kind.COORDINATOR, "c-0123456789"),
                        AuditAction.UNIT_EDITED, "unit:guanyun", "联系人邮箱：（无）", "联系人邮箱：a@lyg.gov.cn<script>alert(1)</script>",
                        "198.51.100.7", HOSTILE),
                new AuditEntry("e1", Instant.parse("2026-11-30T17:00:00Z"), Actor.OPERATOR,
                        AuditAction.COORDINATOR_ADDED, "coordinator:c-0123456789", null, HOSTILE, null, null));
        byte[] xlsx = AuditWorkbook.write(YearMonth.of(2026, 12), entries,
                a -> a.kind() == Actor.Kind.COORDINATOR ? "王<b>芳</b>" : "运维命令行");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("操作留痕");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("时间（北京时间）");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("操作");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("2026-12-07 10:30:00");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("王<b>芳</b>");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("统筹人员");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("修改单位信息与联系人");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("联系人邮箱：a@lyg.gov.cn<script>alert(1)</script>");
            assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo(HOSTILE);
            assertThat(first.getCell(8).getCellStyle().getQuotePrefixed()).isTrue();
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getStringCellValue()).as("Asia/Shanghai: already December")
                    .isEqualTo("2026-12-01 01:00:00");
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("运维命令行");
            assertThat(second.getCell(6).getCellType()).isEqualTo(CellType.STRING);
            assertThat(second.getCell(6).getStringCellValue()).isEqualTo(HOSTILE);
            assertThat(second.getCell(6).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(second.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
        }
    }
}
