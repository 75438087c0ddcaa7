package cn.lyg.xilian.web;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.WorkCalendar;
import cn.lyg.xilian.core.report.LedgerBuilder;
import cn.lyg.xilian.ledger.CsvLedgerWriter;
import cn.lyg.xilian.ledger.XlsxLedgerWriter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * What the board needs to show lights and the ledger: the alert rules with their configured settings, the
 * working-day calendar, the ledger builder and its two file writers. All plain core/adapter classes.
 */
@Factory
public class AlertSettingsFactory {

    @Singleton
    AlertSettings alertSettings(AlertProperties properties) {
        return properties.toSettings();
    }

    @Singleton
    WorkCalendar workCalendar() {
        return WorkCalendar.fromClasspath(); // calendars/cn-<year>.csv, shipped in core
    }

    @Singleton
    AlertEvaluator alertEvaluator() {
        return new AlertEvaluator();
    }

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
