package cn.lyg.xilian.core.report;

import java.time.LocalDate;

/**
 * Writes the weekly 情况通报 (a printable document in 公文 layout) of a {@link WeeklySummary}: 总体情况, red and overdue
 * tasks, the units' ranking ({@link Standing}), the reports' problems by unit and the work ahead.
 */
public interface BulletinWriter {

    /** e.g. "docx" */
    String extension();

    String contentType();

    byte[] write(WeeklySummary summary, Heading heading);

    /**
     * What the office configures: the title, the issuing office (落款) and the issue date; a null date means the
     * Monday after the week.
     */
    record Heading(String title, String office, LocalDate date) {

        /** The heading of a week: the configured title and office, dated the Monday after it unless fixed. */
        public static Heading of(String title, String office, LocalDate fixedDate, WeeklySummary summary) {
            return new Heading(title, office, fixedDate != null ? fixedDate : summary.asOf().plusDays(1));
        }
    }

    /** "情况通报（2026年第48周）.docx"-like names carry the week; the file's base name, without extension. */
    static String fileBaseName(WeeklySummary summary) {
        return "情况通报-" + summary.week().id();
    }
}
