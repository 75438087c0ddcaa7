package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.LedgerColumn;
import cn.lyg.xilian.core.report.LedgerRow;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as an .xlsx workbook, one sheet "台账": the columns of {@link LedgerColumn}, one row per
 * (task, unit). Dates are date cells, numbers numeric cells, text formula-guarded ({@link FormulaGuard}).
 */
public final class XlsxLedgerWriter implements LedgerWriter {

    public static final String CONTENT_TYPE = XlsxSheet.CONTENT_TYPE;
    public static final String SHEET_NAME = "台账";

    private static final List<XlsxSheet.Column> COLUMNS = java.util.Arrays.stream(LedgerColumn.values())
            .map(c -> new XlsxSheet.Column(c.header(), c.widthChars())).toList();

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
        List<List<Object>> rows = new ArrayList<>(ledger.rows().size());
        for (LedgerRow row : ledger.rows()) {
            List<Object> values = new ArrayList<>(COLUMNS.size());
            for (LedgerColumn column : LedgerColumn.values()) {
                values.add(column.valueOf(row));
            }
            rows.add(values);
        }
        return XlsxSheet.write(SHEET_NAME, ledger.planTitle() + " 台账 " + ledger.asOf(), COLUMNS, rows);
    }
}
