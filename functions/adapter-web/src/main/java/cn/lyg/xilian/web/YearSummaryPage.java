package cn.lyg.xilian.web;

import cn.lyg.xilian.core.yearend.YearSummary;

/** yearsummary.jte: 年度总结 of a plan year (coordinators only), with its .xlsx and .docx downloads. */
public record YearSummaryPage(Layout layout, YearSummary summary) implements PageModel, Framed {

    /** The download's path, e.g. "/summary/2026/summary.xlsx". */
    public String xlsxPath() {
        return "/summary/" + summary.planYear() + "/summary.xlsx";
    }

    /** The printable document's path, e.g. "/summary/2026/summary.docx". */
    public String docxPath() {
        return "/summary/" + summary.planYear() + "/summary.docx";
    }
}
