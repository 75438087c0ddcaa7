package cn.lyg.xilian.tools.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of the notice joined from several lines, normalised, with the source line of every
 * character kept so problems can point at the right line.
 *
 * <p>Normalisation, because the notice is a copy of a PDF:
 * <ul>
 *   <li>line breaks and spaces are layout, not content: they are dropped, except a single space
 *       between two ASCII letters or digits ("AI 场景" keeps no space, "Wi Fi" keeps one);</li>
 *   <li>half-width {@code , : ; ( ) [ ]} become full-width (，：；（）〔〕) — except {@code ,} and {@code :}
 *       between digits — so that later rules only deal with one width.</li>
 * </ul>
 */
final class NoticeText {

    private final String text;
    private final int[] lines;

    private NoticeText(String text, int[] lines) {
        this.text = text;
        this.lines = lines;
    }

    /** Joins source lines; {@code lineNumbers} holds the 1-based notice line of each. */
    static NoticeText join(List<String> sourceLines, List<Integer> lineNumbers) {
        StringBuilder raw = new StringBuilder();
        List<Integer> rawLines = new ArrayList<>();
        for (int i = 0; i < sourceLines.size(); i++) {
            String line = sourceLines.get(i);
            if (i > 0) {
                raw.append('\n');
                rawLines.add(lineNumbers.get(i));
            }
            for (int k = 0; k < line.length(); k++) {
                raw.append(line.charAt(k));
                rawLines.add(lineNumbers.get(i));
            }
        }
        return normalise(raw, rawLines);
    }

    static NoticeText of(String line, int lineNumber) {
        return join(List.of(line), List.of(lineNumber));
    }

    private static NoticeText normalise(CharSequence raw, List<Integer> rawLines) {
        StringBuilder out = new StringBuilder(raw.length());
        List<Integer> outLines = new ArrayList<>();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                char before = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
                char after = nextNonSpace(raw, i);
                if (isAsciiWord(before) && isAsciiWord(after) && !isSpace(before)) {
                    out.append(' ');
                    outLines.add(rawLines.get(i));
                }
                // skip the rest of this run of whitespace
                while (i + 1 < raw.length() && isSpace(raw.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            out.append(fullWidth(c, out.isEmpty() ? ' ' : out.charAt(out.length() - 1), nextNonSpace(raw, i + 1)));
            outLines.add(rawLines.get(i));
        }
        return new NoticeText(out.toString(), outLines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static char fullWidth(char c, char before, char after) {
        boolean betweenDigits = Character.isDigit(before) && Character.isDigit(after);
        return switch (c) {
            case ',' -> betweenDigits ? c : '，';
            case ':' -> betweenDigits ? c : '：';
            case ';' -> '；';
            case '(' -> '（';
            case ')' -> '）';
            case '[' -> '〔';
            case ']' -> '〕';
            default -> c;
        };
    }

    private static char nextNonSpace(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isAsciiWord(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    String text() {
        return text;
    }

    /** The source line of the character at {@code offset} (the last line for offsets past the end). */
    int lineAt(int offset) {
        if (lines.length == 0) {
            return 0;
        }
        return lines[Math.max(0, Math.min(offset, lines.length - 1))];
    }

    int length() {
        return text.length();
    }
}
