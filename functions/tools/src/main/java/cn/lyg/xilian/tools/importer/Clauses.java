package cn.lyg.xilian.tools.importer;

/** Finding sentences and clauses around an offset of normalised task text. */
final class Clauses {

    /** Ends a sentence: the unit a target or milestone is bound to is looked for within it. */
    static final String SENTENCE_END = "。；！？";
    /** Ends a clause: the phrase a target is read from, the action of a milestone. */
    static final String CLAUSE_END = SENTENCE_END + "，、：";

    private Clauses() {
    }

    static String sentenceAt(String text, int offset) {
        return around(text, offset, SENTENCE_END);
    }

    static int clauseStart(String text, int offset) {
        return start(text, offset, CLAUSE_END);
    }

    static int clauseEnd(String text, int offset) {
        return end(text, offset, CLAUSE_END);
    }

    static int sentenceStart(String text, int offset) {
        return start(text, offset, SENTENCE_END);
    }

    private static String around(String text, int offset, String delimiters) {
        return text.substring(start(text, offset, delimiters), end(text, offset, delimiters));
    }

    private static int start(String text, int offset, String delimiters) {
        int i = Math.min(offset, text.length());
        while (i > 0 && delimiters.indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    private static int end(String text, int offset, String delimiters) {
        int i = offset;
        while (i < text.length() && delimiters.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
