package cn.lyg.xilian.email.view;

import java.util.List;

/** Helpers of the emails' templates for text that came from users or the imported plan. */
public final class MailText {

    /** The last words of the alerts and the weekly mails. */
    public static final String AUTOMATIC = "此邮件由系统自动发送，请勿直接回复。";

    private MailText() {
    }

    /**
     * User text on one line for the plain-text part: line breaks, tabs and other control characters become spaces,
     * so a report cannot forge extra lines of the mail.
     */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
    }

    /** The lines of a text, for HTML that shows its line breaks ({@code <br>} between them). */
    public static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R", -1));
    }
}
