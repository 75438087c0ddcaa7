package cn.lyg.xilian.email;

import cn.lyg.xilian.html.EscapedHtml;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * An email's two bodies from its templates: {@code src/main/jte/html/NAME.jte} (every value escaped by
 * {@link EscapedHtml}, as on the pages) and {@code src/main/jte/text/NAME.jte} (plain text, values as they are),
 * both compiled to Java at build time. Each template takes one typed model ({@code cn.lyg.xilian.email.view}).
 */
final class MailBodies {

    /** Load the generated template classes only: nothing is parsed or compiled at run time. */
    private static final TemplateEngine HTML = TemplateEngine.createPrecompiled(null, ContentType.Html,
            MailBodies.class.getClassLoader(), "cn.lyg.xilian.email.jte.html");
    private static final TemplateEngine TEXT = TemplateEngine.createPrecompiled(null, ContentType.Plain,
            MailBodies.class.getClassLoader(), "cn.lyg.xilian.email.jte.text");

    record Bodies(String text, String html) {
    }

    private MailBodies() {
    }

    static Bodies render(String name, Object model) {
        StringOutput text = new StringOutput();
        TEXT.render(name + ".jte", model, text);
        EscapedHtml html = new EscapedHtml();
        HTML.render(name + ".jte", model, html);
        return new Bodies(text.toString(), html.toString());
    }
}
