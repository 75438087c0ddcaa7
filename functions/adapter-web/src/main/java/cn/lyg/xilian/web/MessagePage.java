package cn.lyg.xilian.web;

import io.micronaut.core.annotation.Nullable;

/**
 * message.jte: a refusal, a failure or a notice (已退出) in Chinese, never a code, in the site's frame: with the
 * navigation when the request's session is valid, the plan's link otherwise; no frame at all ({@code layout} null)
 * when even the plan could not be read. A failure's {@code code} (null for a notice) is only in a data attribute,
 * for tests and support, never in the text; {@code signIn} adds how to sign in.
 */
public record MessagePage(@Nullable Layout layout, String title, String message, @Nullable String code,
                          boolean signIn) implements PageModel {

    public boolean failure() {
        return code != null;
    }

    public boolean signedIn() {
        return layout != null && layout.signedIn();
    }
}
