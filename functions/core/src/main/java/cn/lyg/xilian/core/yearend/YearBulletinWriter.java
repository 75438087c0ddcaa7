package cn.lyg.xilian.core.yearend;

import cn.lyg.xilian.core.report.BulletinWriter;

/**
 * Writes the 年度总结 as a printable document in the weekly 情况通报's 公文 layout ({@link BulletinWriter}, the same
 * writer): 总体情况 in figures, the units' totals and ranking, the tasks not achieved or late, the 存在问题 by unit.
 */
public interface YearBulletinWriter {

    /** e.g. "docx" */
    String extension();

    String contentType();

    byte[] write(YearSummary summary, BulletinWriter.Heading heading);
}
