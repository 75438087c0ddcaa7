package cn.lyg.xilian.html;

import cn.lyg.xilian.core.HtmlEscape;
import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;

/**
 * A page or an email's HTML being rendered. Every value a template prints is escaped by {@link HtmlEscape}, the same
 * way in text and in (always quoted) attributes. (jte's own output leaves quotes in text as they are.)
 */
public final class EscapedHtml implements HtmlTemplateOutput {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    @Override
    public void setContext(String tagName, String attributeName) {
        // one escaping for every context: no template prints a value inside a script block, and only Palette's
        // constant colours inside the pages' style block
    }

    @Override
    public void writeContent(String value) {
        out.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        out.append(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        HtmlEscape.append(out, value);
    }

    @Override
    public void writeUserContent(Content content) {
        if (content != null) {
            content.writeTo(this);
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
