package cn.lyg.xilian.email;

import cn.lyg.xilian.core.HtmlEscape;

/** Escaping for text placed in HTML element content and in double-quoted attribute values (as the pages do). */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        return HtmlEscape.escape(text);
    }
}
