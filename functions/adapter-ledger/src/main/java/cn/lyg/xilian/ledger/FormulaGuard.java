package cn.lyg.xilian.ledger;

/**
 * Formula injection (CSV/spreadsheet injection): text typed by a unit, e.g. "=HYPERLINK(…)" in a
 * reason, must never become a formula when the ledger is opened in Excel or WPS. Text is dangerous when
 * it starts with one of = + - @ or with a tab or carriage return (which some programs skip before
 * parsing the rest).
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
