package cn.lyg.xilian.tools.importer;

/**
 * Something in a notice the importer could not interpret.
 *
 * @param line     1-based line of the notice where the fragment starts (0 when it concerns the whole notice)
 * @param fragment the text in question, as far as it can be pinned down
 * @param message  what is wrong, in words an editor of the notice can act on
 */
public record ImportProblem(int line, String fragment, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message + (fragment.isEmpty() ? "" : " [" + fragment + "]");
    }
}
