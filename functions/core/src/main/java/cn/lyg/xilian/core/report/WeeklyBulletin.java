package cn.lyg.xilian.core.report;

import java.time.LocalDate;

/**
 * The weekly 情况通报 as configured: the writer, the title and the issuing office (落款). Dated the Monday after the
 * week, the day the coordinators' summary goes out, unless {@code fixedDate} is set. The same for the Monday email
 * and the board's download of any past week.
 */
public record WeeklyBulletin(BulletinWriter writer, String title, String office, LocalDate fixedDate) {

    public byte[] write(WeeklySummary summary) {
        return writer.write(summary, BulletinWriter.Heading.of(title, office, fixedDate, summary));
    }

    /** "情况通报-2026-W48.docx" */
    public String fileName(WeeklySummary summary) {
        return BulletinWriter.fileBaseName(summary) + "." + writer.extension();
    }

    public String contentType() {
        return writer.contentType();
    }
}
