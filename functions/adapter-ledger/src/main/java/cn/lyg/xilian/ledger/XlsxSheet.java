package cn.lyg.xilian.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One-sheet .xlsx workbooks (Office Open XML SpreadsheetML), for the ledger (台账) and the alert digest's full
 * list: a bold, frozen Chinese header row with an auto-filter, then the rows. A value is a String (shared
 * string), a Number (numeric cell), a LocalDate (date cell, yyyy-mm-dd) or null (an empty cell).
 *
 * <p>Written directly rather than through a library. Apache POI would add ~20 MB to every Lambda jar;
 * {@code org.dhatim:fastexcel} 0.19.0 was tried and measured: with its opczip it adds 143 KB of jars, and the API
 * jar built with it was 20,981,506 bytes (20.01 MiB), over its 20 MiB budget; it also cannot set quotePrefix (below)
 * and stamps "now" into every file (the same content gave different bytes). The tests read every file back with POI, so Excel's own reader checks every cell.
 *
 * <p>The bytes depend only on the content (fixed zip entry times), so a retried email carries the same attachment.
 *
 * <p>Formula injection ({@link FormulaGuard}): a string cell is never evaluated when the file opens, but Excel and
 * WPS re-parse it as a formula if the user edits it. Such text is written with the cell style's
 * <em>quotePrefix</em> flag — the same as typing a leading apostrophe in Excel: the cell shows and keeps the exact
 * text, and stays text after an edit.
 */
public final class XlsxSheet {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A column: its header and a display width in characters. */
    public record Column(String header, int widthChars) {
    }

    /** Excel's day 0 for the 1900 date system (day 60 is the phantom 1900-02-29, hence the 30th). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** Zip entries carry this time, not "now": same content, same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    // Indexes into cellXfs in styles.xml below.
    private static final int STYLE_HEADER = 1;
    private static final int STYLE_TEXT = 2;
    private static final int STYLE_QUOTED_TEXT = 3;
    private static final int STYLE_DATE = 4;
    private static final int STYLE_NUMBER = 5;

    private XlsxSheet() {
    }

    public static byte[] write(String sheetName, String title, List<Column> columns, List<List<Object>> rows) {
        return write(title, List.of(new Sheet(sheetName, columns, rows)));
    }

    /** One sheet of a workbook: its name, columns and rows (values as for the single-sheet {@link #write}). */
    public record Sheet(String name, List<Column> columns, List<List<Object>> rows) {
    }

    /** A workbook of several sheets, in order; the strings are shared by all of them. */
    public static byte[] write(String title, List<Sheet> sheets) {
        SharedStrings strings = new SharedStrings();
        List<String> xmls = sheets.stream().map(sh -> sheet(sh.columns(), sh.rows(), strings)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", sheets.size() == 1 ? CONTENT_TYPES : CONTENT_TYPES.replace(
                    SHEET1_OVERRIDE, extraSheets(sheets.size(), n -> SHEET1_OVERRIDE.replace("sheet1", "sheet" + n))));
            entry(zip, "_rels/.rels", ROOT_RELS);
            entry(zip, "docProps/core.xml", core(title));
            entry(zip, "xl/workbook.xml", workbook(sheets));
            entry(zip, "xl/_rels/workbook.xml.rels", sheets.size() == 1 ? WORKBOOK_RELS : WORKBOOK_RELS.replace(
                    SHEET1_REL, extraSheets(sheets.size(), n -> SHEET1_REL.replace("rId1", n == 1 ? "rId1" : "rId" + (n + 2))
                            .replace("sheet1", "sheet" + n))));
            entry(zip, "xl/styles.xml", STYLES);
            entry(zip, "xl/sharedStrings.xml", strings.xml());
            for (int i = 0; i < xmls.size(); i++) {
                entry(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", xmls.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook " + title, e);
        }
        return out.toByteArray();
    }

    /** The parts of sheets 1 … count, one after the other (sheet n > 1 has relationship id n + 2). */
    private static String extraSheets(int count, java.util.function.IntFunction<String> part) {
        StringBuilder all = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            all.append(part.apply(n));
        }
        return all.toString();
    }

    private static String sheet(List<Column> columns, List<List<Object>> rows, SharedStrings strings) {
        String lastColumn = columnName(columns.size() - 1);
        StringBuilder xml = new StringBuilder(32768);
        xml.append(XML_DECLARATION)
                .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
                .append("<dimension ref=\"A1:").append(lastColumn).append(rows.size() + 1).append("\"/>")
                .append("<sheetViews><sheetView workbookViewId=\"0\">")
                .append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                .append("</sheetView></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int c = 0; c < columns.size(); c++) {
            // CJK glyphs are about two characters wide
            int width = Math.min(255, columns.get(c).widthChars() * 2);
            xml.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1)
                    .append("\" width=\"").append(width).append("\" customWidth=\"1\"/>");
        }
        xml.append("</cols><sheetData>");
        xml.append("<row r=\"1\">");
        for (int c = 0; c < columns.size(); c++) {
            stringCell(xml, c, 1, strings.index(columns.get(c).header()), STYLE_HEADER);
        }
        xml.append("</row>");
        int r = 2;
        for (List<Object> row : rows) {
            xml.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < row.size(); c++) {
                cell(xml, c, r, row.get(c), strings);
            }
            xml.append("</row>");
            r++;
        }
        xml.append("</sheetData>");
        if (!rows.isEmpty()) {
            xml.append("<autoFilter ref=\"A1:").append(lastColumn).append(rows.size() + 1).append("\"/>");
        }
        xml.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
                .append("</worksheet>");
        return xml.toString();
    }

    private static void cell(StringBuilder xml, int column, int row, Object value, SharedStrings strings) {
        switch (value) {
            case null -> xml.append("<c r=\"").append(columnName(column)).append(row).append("\" s=\"")
                    .append(STYLE_TEXT).append("\"/>"); // blank, but present and styled like its column
            case LocalDate date -> xml.append("<c r=\"").append(columnName(column)).append(row).append("\" s=\"")
                    .append(STYLE_DATE).append("\"><v>").append(ChronoUnit.DAYS.between(EXCEL_EPOCH, date))
                    .append("</v></c>");
            case Number number -> xml.append("<c r=\"").append(columnName(column)).append(row).append("\" s=\"")
                    .append(STYLE_NUMBER).append("\"><v>").append(plain(number)).append("</v></c>");
            default -> {
                String text = value.toString();
                stringCell(xml, column, row, strings.index(text),
                        FormulaGuard.looksLikeFormula(text) ? STYLE_QUOTED_TEXT : STYLE_TEXT);
            }
        }
    }

    private static void stringCell(StringBuilder xml, int column, int row, int sharedIndex, int style) {
        xml.append("<c r=\"").append(columnName(column)).append(row).append("\" s=\"").append(style)
                .append("\" t=\"s\"><v>").append(sharedIndex).append("</v></c>");
    }

    private static String plain(Number number) {
        return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    private static String workbook(List<Sheet> sheets) {
        StringBuilder names = new StringBuilder();
        StringBuilder filters = new StringBuilder();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sh = sheets.get(i);
            names.append("<sheet name=\"").append(escape(sh.name())).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i == 0 ? 1 : i + 3).append("\"/>");
            if (!sh.rows().isEmpty()) {
                filters.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(i)
                        .append("\" hidden=\"1\">'").append(escape(sh.name())).append("'!$A$1:$")
                        .append(columnName(sh.columns().size() - 1)).append("$").append(sh.rows().size() + 1)
                        .append("</definedName>");
            }
        }
        return XML_DECLARATION
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets>" + names + "</sheets>"
                + (filters.isEmpty() ? "" : "<definedNames>" + filters + "</definedNames>") + "</workbook>";
    }

    private static String core(String title) {
        return XML_DECLARATION
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>" + escape(title) + "</dc:title><dc:creator>锡连帮扶合作进度通</dc:creator>"
                + "</cp:coreProperties>";
    }

    /** A zip entry at a fixed time, so the bytes depend only on the content (the .docx documents too). */
    static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** XML 1.0 text: escaped, and without the control characters XML cannot carry at all. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;"); // a literal CR would be normalised away by XML parsers
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** The workbook's shared-string table: each distinct text once, referenced by index. */
    private static final class SharedStrings {
        private final Map<String, Integer> indexes = new LinkedHashMap<>();
        private int references;

        int index(String text) {
            references++;
            return indexes.computeIfAbsent(text, t -> indexes.size());
        }

        String xml() {
            StringBuilder xml = new StringBuilder(XML_DECLARATION)
                    .append("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
                    .append(references).append("\" uniqueCount=\"").append(indexes.size()).append("\">");
            for (String text : indexes.keySet()) {
                // preserve: leading/trailing blanks and line breaks are part of what the unit wrote
                xml.append("<si><t xml:space=\"preserve\">").append(escape(text)).append("</t></si>");
            }
            return xml.append("</sst>").toString();
        }
    }

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private static final String SHEET1_OVERRIDE = "<Override PartName=\"/xl/worksheets/sheet1.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    private static final String SHEET1_REL = "<Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            + " Target=\"worksheets/sheet1.xml\"/>";

    private static final String CONTENT_TYPES = XML_DECLARATION
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\""
            + " ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>";

    private static final String ROOT_RELS = XML_DECLARATION
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
            + " Target=\"docProps/core.xml\"/>"
            + "</Relationships>";

    private static final String WORKBOOK_RELS = XML_DECLARATION
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            + " Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
            + " Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
            + " Target=\"sharedStrings.xml\"/>"
            + "</Relationships>";

    /** cellXfs: 0 default, 1 header (bold, grey, wrapped), 2 text, 3 quote-prefixed text, 4 date, 5 integer. */
    private static final String STYLES = XML_DECLARATION
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"22\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            + "</fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"6\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\""
            + " applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
            + "<alignment wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\""
            + " quotePrefix=\"1\"><alignment wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";
}
