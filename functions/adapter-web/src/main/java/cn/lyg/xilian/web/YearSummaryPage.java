package cn.lyg.xilian.web;

import cn.lyg.xilian.core.yearend.YearSummary;

/** yearsummary.jte: 年度总结 of a plan year (coordinators only), with its .xlsx download. */
public record YearSummaryPage(Layout layout, YearSummary summary) implements PageModel, Framed {

    /** The download's path, e.g. "/summary/2026/summary.xlsx". */
    public String xlsxPath() {
        return "/summary/" + summary.planYear() + "/summary.xlsx";
    }
}
