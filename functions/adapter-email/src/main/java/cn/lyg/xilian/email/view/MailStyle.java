package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.html.Palette;

/**
 * The emails' inline styles (mail clients drop style sheets), in the pages' colours ({@link Palette}). Tables and
 * text wrap, so an email reads on a 390 px phone as on a desktop.
 */
public final class MailStyle {

    public static final String BODY = "margin:0;padding:12px;font-family:PingFang SC,Microsoft YaHei,Noto Sans CJK SC,"
            + "sans-serif;font-size:14px;line-height:1.6;color:" + Palette.PAGE.text() + ";background:#fff;overflow-wrap:anywhere;";
    public static final String H1 = "margin:0 0 12px;font-size:18px;line-height:1.4;";
    public static final String H2 = "margin:20px 0 8px;font-size:16px;";
    public static final String P = "margin:0 0 10px;";
    /** Footers and notes. */
    public static final String NOTE = "margin:16px 0 0;font-size:12px;color:" + Palette.PAGE.muted() + ";";
    /** A warning box (a missing holiday calendar). */
    public static final String WARNING = "margin:0 0 12px;padding:8px 10px;border:1px solid " + Palette.YELLOW.border()
            + ";background:" + Palette.PAGE.background() + ";";
    public static final String TABLE = "border-collapse:collapse;width:100%;margin:0 0 8px;";
    public static final String CELL = "padding:6px;border:1px solid " + Palette.PAGE.border() + ";vertical-align:top;";
    public static final String HEAD = CELL + "background:" + Palette.PAGE.background() + ";font-weight:bold;text-align:left;";
    public static final String CELL_NOWRAP = CELL + "white-space:nowrap;";
    public static final String NUMBER = CELL + "text-align:center;white-space:nowrap;";
    public static final String MUTED = "color:" + Palette.PAGE.muted() + ";";

    private MailStyle() {
    }

    /** A light as the pages draw it: a small badge. */
    public static String badge(Light light) {
        Palette.Swatch s = Palette.of(light);
        return "display:inline-block;padding:0 5px;border-radius:3px;font-weight:bold;white-space:nowrap;color:"
                + s.text() + ";background:" + s.background() + ";border:1px solid " + s.border() + ";";
    }

    /** A table cell in a light's colours. */
    public static String lightCell(Light light) {
        Palette.Swatch s = Palette.of(light);
        return CELL + "font-weight:bold;color:" + s.text() + ";background:" + s.background() + ";";
    }

    /** The filled part of a progress bar ({@code percent} of its width). */
    public static String barFill(int percent, Light light) {
        return "width:" + percent + "%;height:10px;background:" + Palette.of(light).background() + ";font-size:0;line-height:0;";
    }

    /** The empty part of a progress bar. */
    public static String barRest(int percent) {
        return "width:" + percent + "%;height:10px;background:" + Palette.NONE.background() + ";font-size:0;line-height:0;";
    }

    public static final String BAR = "width:120px;border-collapse:collapse;border:1px solid " + Palette.NONE.border()
            + ";display:inline-table;vertical-align:middle;";
}
