package cn.lyg.xilian.core.calendar;

/**
 * Something in a notice or calendar file that could not be read; nothing is loaded while there is one.
 *
 * @param line     1-based line of the text (0 when it concerns the whole text)
 * @param fragment the text in question, as far as it can be pinned down
 * @param message  what is wrong, in Chinese (coordinators will load notices too)
 */
public record CalendarProblem(int line, String fragment, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message + (fragment.isEmpty() ? "" : " [" + fragment + "]");
    }
}
