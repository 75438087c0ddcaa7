package cn.lyg.xilian.core.yearend;

/** Writes the 年度总结 as a file (.xlsx). */
public interface YearSummaryWriter {

    /** e.g. "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" */
    String contentType();

    byte[] write(YearSummary summary);
}
