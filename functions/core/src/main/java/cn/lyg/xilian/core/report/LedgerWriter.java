package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.report.Ledger;

/** Writes the ledger as a file: .xlsx for the attachment and the download, .csv for the download. */
public interface LedgerWriter {

    /** e.g. "xlsx" */
    String extension();

    /** e.g. "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" */
    String contentType();

    byte[] write(Ledger ledger);
}
