package cn.lyg.xilian.core.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The ledger (台账): one row per (task, responsible unit) in plan order, as of a date. The same
 * object feeds the weekly attachment and the board's download, so both carry the same content.
 */
public record Ledger(int planYear, String planTitle, LocalDate asOf, List<LedgerRow> rows) {

    public Ledger {
        rows = List.copyOf(rows);
    }

    /** Only the rows of one unit: the attachment of that unit's digest. */
    public Ledger forUnit(String unitId) {
        return new Ledger(planYear, planTitle, asOf, rows.stream().filter(r -> r.unitId().equals(unitId)).toList());
    }

    /** "锡连帮扶台账-2026-11-22" (no extension); safe as a file name. */
    public String fileBaseName() {
        return "锡连帮扶台账-" + asOf;
    }
}
