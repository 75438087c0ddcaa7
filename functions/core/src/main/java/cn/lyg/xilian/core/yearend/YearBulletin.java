package cn.lyg.xilian.core.yearend;

import cn.lyg.xilian.core.report.BulletinWriter.Heading;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * The 年度总结 document as configured: the writer, the title ({@code {year}} stands for the plan year, e.g.
 * "{year}年锡连南北结对帮扶合作工作总结") and the issuing office (落款), both as the weekly 情况通报's are configured.
 * Dated the summary's date unless {@code fixedDate} is set.
 */
public record YearBulletin(YearBulletinWriter writer, String title, String office, @Nullable LocalDate fixedDate) {

    public static final String YEAR = "{year}";

    public Heading heading(YearSummary summary) {
        return new Heading(title.replace(YEAR, String.valueOf(summary.planYear())), office,
                fixedDate != null ? fixedDate : summary.asOf());
    }

    public byte[] write(YearSummary summary) {
        return writer.write(summary, heading(summary));
    }

    /** "2026年度总结-2027-01-15.docx" */
    public String fileName(YearSummary summary) {
        return summary.fileBaseName() + "." + writer.extension();
    }

    public String contentType() {
        return writer.contentType();
    }
}
