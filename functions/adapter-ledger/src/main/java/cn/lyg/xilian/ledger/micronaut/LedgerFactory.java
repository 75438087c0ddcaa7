package cn.lyg.xilian.ledger.micronaut;

import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.ledger.CsvLedgerWriter;
import cn.lyg.xilian.ledger.XlsxLedgerWriter;
import cn.lyg.xilian.ledger.XlsxYearSummaryWriter;
import cn.lyg.xilian.core.yearend.YearBulletin;
import cn.lyg.xilian.core.yearend.YearSummaryWriter;
import cn.lyg.xilian.ledger.DocxYearBulletinWriter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Micronaut wiring of the ledger writers. Two implementations of one port live side by side, so each is
 * named by its file extension: the weekly mail attaches {@code @Named("xlsx")}, the board's download
 * offers both. Both are stateless and cheap (POI is only touched when a file is written).
 */
@Factory
public class LedgerFactory {

    public static final String XLSX = "xlsx";
    public static final String CSV = "csv";

    @Singleton
    @Named(XLSX)
    LedgerWriter xlsxLedgerWriter() {
        return new XlsxLedgerWriter();
    }

    @Singleton
    YearSummaryWriter yearSummaryWriter() {
        return new XlsxYearSummaryWriter();
    }

    /** The 情况通报 as configured ({@link BulletinSettings}): the Monday email's attachment and the board's download. */
    @Singleton
    cn.lyg.xilian.core.report.WeeklyBulletin weeklyBulletin(BulletinSettings settings) {
        return new cn.lyg.xilian.core.report.WeeklyBulletin(new cn.lyg.xilian.ledger.DocxBulletinWriter(),
                settings.getTitle(), settings.getOffice(), settings.getDate());
    }

    /** The 年度总结 as a 情况通报-like document, configured as the weekly one ({@link BulletinSettings}). */
    @Singleton
    YearBulletin yearBulletin(BulletinSettings settings) {
        return new YearBulletin(new DocxYearBulletinWriter(), settings.getAnnualTitle(), settings.getOffice(),
                settings.getDate());
    }

    @Singleton
    @Named(CSV)
    LedgerWriter csvLedgerWriter() {
        return new CsvLedgerWriter();
    }
}
