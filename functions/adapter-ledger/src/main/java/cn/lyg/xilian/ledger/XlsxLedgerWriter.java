package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.port.LedgerWriter;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.LedgerColumn;
import cn.lyg.xilian.core.report.LedgerRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The ledger as an .xlsx workbook, one sheet "台账": a bold, frozen Chinese header row, then one row per
 * (task, unit). Dates are real date cells formatted yyyy-mm-dd, percents numeric cells, the rest text.
 *
 * <p>XSSF rather than streaming SXSSF: the ledger is about 130 rows, and XSSF keeps the whole file
 * in one simple object. Strings go into the shared-string table, which Excel and WPS read as UTF-8, so
 * Chinese text needs nothing special.
 *
 * <p>Formula injection: a string cell is never evaluated when the file opens, but Excel and WPS
 * re-parse it as a formula if the user edits it. Text starting with = + - @ tab or CR is therefore
 * written with the cell style's <em>quotePrefix</em> flag — the same as typing a leading apostrophe in
 * Excel: the cell shows and keeps the exact text (no apostrophe added to the value), and stays text.
 */
public final class XlsxLedgerWriter implements LedgerWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SHEET_NAME = "台账";

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] write(Ledger ledger) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream(16384)) {
            workbook.getProperties().getCoreProperties().setTitle(ledger.planTitle() + " 台账（截至" + ledger.asOf() + "）");
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET_NAME);
            LedgerColumn[] columns = LedgerColumn.values();

            Row header = sheet.createRow(0);
            for (LedgerColumn column : columns) {
                Cell cell = header.createCell(column.ordinal());
                cell.setCellValue(column.header());
                cell.setCellStyle(styles.header);
                // width in 1/256 of a character; CJK glyphs are about two characters wide
                sheet.setColumnWidth(column.ordinal(), Math.min(255, column.widthChars() * 2) * 256);
            }
            sheet.createFreezePane(0, 1);

            int r = 1;
            for (LedgerRow row : ledger.rows()) {
                Row line = sheet.createRow(r++);
                for (LedgerColumn column : columns) {
                    write(line.createCell(column.ordinal()), column.valueOf(row), styles);
                }
            }
            if (!ledger.rows().isEmpty()) {
                sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, ledger.rows().size(), 0,
                        columns.length - 1));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger workbook", e);
        }
    }

    private static void write(Cell cell, Object value, Styles styles) {
        switch (value) {
            case null -> cell.setBlank();
            case LocalDate date -> {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
            }
            case Number number -> {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(styles.number);
            }
            default -> {
                String text = value.toString();
                cell.setCellValue(text);
                cell.setCellStyle(FormulaGuard.looksLikeFormula(text) ? styles.quotedText : styles.text);
            }
        }
    }

    /** Cell styles are workbook-wide and limited in number: create each once. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle quotedText;
        final CellStyle date;
        final CellStyle number;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);

            text = workbook.createCellStyle();
            text.setWrapText(true);
            quotedText = workbook.createCellStyle();
            quotedText.setWrapText(true);
            quotedText.setQuotePrefixed(true);

            date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            number = workbook.createCellStyle();
            number.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0"));
        }
    }
}
