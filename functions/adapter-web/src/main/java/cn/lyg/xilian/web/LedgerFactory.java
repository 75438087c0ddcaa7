package cn.lyg.xilian.web;

import cn.lyg.xilian.core.report.LedgerBuilder;
import cn.lyg.xilian.ledger.CsvLedgerWriter;
import cn.lyg.xilian.ledger.XlsxLedgerWriter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * What the board needs for the ledger: the builder and its two file writers (the alert rules, settings and
 * calendar come from core's CoreFactory).
 */
@Factory
public class LedgerFactory {




    @Singleton
    LedgerBuilder ledgerBuilder() {
        return new LedgerBuilder();
    }

    @Singleton
    XlsxLedgerWriter xlsxLedgerWriter() {
        return new XlsxLedgerWriter();
    }

    @Singleton
    CsvLedgerWriter csvLedgerWriter() {
        return new CsvLedgerWriter();
    }
}
