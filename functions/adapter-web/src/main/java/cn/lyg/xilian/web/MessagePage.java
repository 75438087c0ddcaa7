package cn.lyg.xilian.web;

/** message.jte: a refusal or failure in Chinese with its code; {@code signIn} adds how to sign in (401). */
public record MessagePage(String title, String message, String code, boolean signIn) implements PageModel {
}
