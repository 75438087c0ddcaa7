package cn.lyg.xilian.core.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Small formatting helpers shared by the summary model and the renderers. */
public final class ReportText {

    private ReportText() {
    }

    /** "6月30日" */
    public static String chineseDate(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** A figure without trailing zeros or exponent: 8, 2.5, 1000. */
    public static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
