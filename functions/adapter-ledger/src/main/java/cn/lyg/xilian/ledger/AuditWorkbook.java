package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditEntry;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * 操作留痕 of one month as .xlsx ({@link XlsxSheet}: Chinese headers, every text a text cell, formula-like text kept
 * as typed and never evaluated). Times in Asia/Shanghai; who by name, as the page shows them.
 */
public final class AuditWorkbook {

    public static final String CONTENT_TYPE = XlsxSheet.CONTENT_TYPE;
    public static final String SHEET_NAME = "操作留痕";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(PlanTime.ZONE);
    private static final List<XlsxSheet.Column> COLUMNS = List.of(
            new XlsxSheet.Column("时间（北京时间）", 10), new XlsxSheet.Column("操作人", 10),
            new XlsxSheet.Column("操作人类别", 6), new XlsxSheet.Column("操作", 9),
            new XlsxSheet.Column("对象", 12), new XlsxSheet.Column("变更前", 30),
            new XlsxSheet.Column("变更后", 30), new XlsxSheet.Column("IP 地址", 8),
            new XlsxSheet.Column("浏览器（User-Agent）", 30), new XlsxSheet.Column("记录编号", 12));

    private AuditWorkbook() {
    }

    /** The entries as given (newest first), {@code names} resolving each actor to the name shown. */
    public static byte[] write(YearMonth month, List<AuditEntry> entries, Function<Actor, String> names) {
        List<List<Object>> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            List<Object> row = new ArrayList<>(COLUMNS.size());
            row.add(TIME.format(e.at()));
            row.add(names.apply(e.actor()));
            row.add(e.actor().kind().label());
            row.add(e.action().label());
            row.add(e.target());
            row.add(e.before());
            row.add(e.after());
            row.add(e.ip());
            row.add(e.userAgent());
            row.add(e.id());
            rows.add(row);
        }
        return XlsxSheet.write(SHEET_NAME, "操作留痕 " + month, COLUMNS, rows);
    }

    public static String fileName(YearMonth month) {
        return "操作留痕-" + month + ".xlsx";
    }
}
