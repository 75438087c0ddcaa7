package cn.lyg.xilian.core.evidence;

import java.util.Optional;

/**
 * The one home of evidence file names as people see and save them. The name a browser sends is only a label: it
 * never reaches a key, and its extension is replaced by the one of the type detected from the content, so a PDF
 * sent as {@code 说明.hta} is saved as {@code 说明.pdf}. Characters that change how a name looks without being
 * visible (bidi overrides such as U+202E, zero-width and other format characters, controls) are removed, so
 * {@code 附件\u202Efdp.bat} cannot pass for {@code 附件tab.pdf}; so are the characters Windows refuses in a name.
 */
public final class EvidenceNames {

    public static final int MAX_LENGTH = 120;
    private static final String FALLBACK = "佐证材料";

    private EvidenceNames() {
    }

    /**
     * The label to record for an upload: the last path segment (browsers on Windows once sent full paths), visible
     * characters only; empty when nothing visible is left, a dot name, or longer than {@value #MAX_LENGTH}.
     */
    public static Optional<String> label(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        int cut = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
        String name = visible(cut >= 0 ? raw.substring(cut + 1) : raw).strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')
                || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** The name a file is shown and saved under: its label's stem with the detected type's extension. */
    public static String saved(String label, EvidenceType type) {
        String name = visible(label == null ? "" : label).strip();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : dot == 0 ? "" : name).strip();
        while (stem.endsWith(".")) {
            stem = stem.substring(0, stem.length() - 1).strip();
        }
        return (stem.isEmpty() ? FALLBACK : stem) + "." + type.extension();
    }

    /** The text without invisible or layout-changing characters; Windows-reserved characters become "_". */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (invisible(c)) {
                return;
            }
            if (c == '<' || c == '>' || c == ':' || c == '"' || c == '|' || c == '?' || c == '*') {
                out.append('_');
            } else if (Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers: blank, not spaces
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) // variation selectors
                || c == 0x034F || c == 0x180B || c == 0x180C || c == 0x180D || c == 0x180E;
    }
}
