package cn.lyg.xilian.ledger;

/**
 * Formula injection (CSV/spreadsheet injection): text typed by a unit, e.g. "=HYPERLINK(…)" in a
 * reason, must never become a formula when a file is opened or edited in Excel or WPS. Text is dangerous
 * when it starts with one of = + - @ or with a tab or carriage return (which some programs skip before
 * parsing the rest). The one home of this rule: every .xlsx and .csv this system writes asks
 * {@link #looksLikeFormula}.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }

    /**
     * For a format without cell types (CSV): a leading apostrophe (OWASP's advice), which Excel and WPS show as
     * text. The .xlsx keeps the exact text and marks the cell quotePrefix instead ({@link XlsxSheet}).
     */
    public static String neutralise(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
