package cn.lyg.xilian.core;

/**
 * The one HTML escaping of the pages and the emails: text placed in element content or in a quoted attribute
 * value. {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;}, so user text can neither open a tag nor
 * leave an attribute.
 */
public final class HtmlEscape {

    private HtmlEscape() {
    }

    /** The escaped text; "" for null. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        append(out, text);
        return out.toString();
    }

    /** Appends the escaped text to {@code out} (nothing for null). */
    public static void append(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
