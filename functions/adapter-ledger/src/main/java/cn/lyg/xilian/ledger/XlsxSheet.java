package cn.lyg.xilian.ledger;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * One-sheet .xlsx workbooks (fastexcel): a bold, frozen Chinese header row with an auto-filter, then the rows.
 * A value is a String (text, formula-guarded), a Number (numeric cell), a LocalDate (date cell, yyyy-mm-dd) or
 * null (empty cell). Used for the ledger (台账) and the alert digest's full list.
 *
 * <p>The bytes depend only on the content: fastexcel stamps the creation time and zip entry times with "now",
 * which are replaced by fixed values, so a retried email carries the same attachment.
 */
public final class XlsxSheet {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A column: its header and a display width in characters. */
    public record Column(String header, int widthChars) {
    }

    private static final FileTime ENTRY_TIME = FileTime.from(LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    private static final String CREATED = "2026-01-01T00:00:00Z";

    private XlsxSheet() {
    }

    public static byte[] write(String sheetName, String title, List<Column> columns, List<List<Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try {
            Workbook workbook = new Workbook(bytes, "xilian-progress", "1.0");
            workbook.properties().setTitle(title);
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < columns.size(); c++) {
                sheet.width(c, Math.min(255, columns.get(c).widthChars() * 2));
                sheet.value(0, c, columns.get(c).header());
            }
            sheet.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("F3F5F7").set();
            sheet.freezePane(0, 1);
            sheet.setAutoFilter(0, 0, columns.size() - 1);
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r + 1, c, row.get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook to memory", e);
        }
        return deterministic(bytes.toByteArray());
    }

    private static void cell(Worksheet sheet, int row, int column, Object value) {
        switch (value) {
            case null -> { }
            case LocalDate date -> {
                sheet.value(row, column, date);
                sheet.style(row, column).format("yyyy-mm-dd").set();
            }
            case Number number -> sheet.value(row, column, number);
            default -> {
                sheet.value(row, column, FormulaGuard.neutralise(value.toString()));
                sheet.style(row, column).wrapText(true).verticalAlignment("top").set();
            }
        }
    }

    /**
     * Rewrites the zip with fixed entry times and a fixed creation time in docProps/core.xml. Read through
     * {@link ZipFile}: fastexcel's streamed entries (sizes in data descriptors) are refused by ZipInputStream.
     */
    private static byte[] deterministic(byte[] xlsx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length + 512);
        Path file = null;
        try {
            file = Files.createTempFile("xilian-", ".xlsx");
            Files.write(file, xlsx);
            try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] content;
                    try (InputStream data = in.getInputStream(entry)) {
                        content = data.readAllBytes();
                    }
                    if ("docProps/core.xml".equals(entry.getName())) {
                        content = new String(content, StandardCharsets.UTF_8)
                                .replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + CREATED + "$2")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setLastModifiedTime(ENTRY_TIME);
                    zip.putNextEntry(copy);
                    zip.write(content);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite a workbook", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
