package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.LedgerColumn;
import cn.lyg.xilian.core.report.LedgerRow;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as CSV: UTF-8 with a byte-order mark (without it Excel and WPS guess the ANSI code page
 * and garble Chinese), RFC 4180 (comma, CRLF, fields with comma, quote, CR or LF quoted, quotes
 * doubled), the same columns and values as the .xlsx. Dates are yyyy-MM-dd.
 *
 * <p>Formula injection: CSV has no cell types, so text starting with = + - @ tab or CR gets a leading
 * apostrophe ({@code '=1+1}), which Excel and WPS show as text ({@link FormulaGuard}, as in the .xlsx).
 */
public final class CsvLedgerWriter implements LedgerWriter {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] write(Ledger ledger) {
        StringBuilder out = new StringBuilder(BOM);
        List<String> header = new ArrayList<>();
        for (LedgerColumn column : LedgerColumn.values()) {
            header.add(field(column.header()));
        }
        out.append(String.join(",", header)).append(CRLF);
        for (LedgerRow row : ledger.rows()) {
            List<String> fields = new ArrayList<>();
            for (LedgerColumn column : LedgerColumn.values()) {
                fields.add(field(column.valueOf(row)));
            }
            out.append(String.join(",", fields)).append(CRLF);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(Object value) {
        String text = switch (value) {
            case null -> "";
            case LocalDate date -> date.toString();
            case Number number -> number.toString();
            default -> FormulaGuard.neutralise(value.toString());
        };
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
