package cn.lyg.xilian.html;

import cn.lyg.xilian.core.alert.Light;

/**
 * The colours of every HTML the system shows or sends: the pages' style sheet (adapter-web, fragments/head.jte) and
 * the emails' inline styles (adapter-email) print these, so a red light looks the same on the board and in an alert
 * email. The lights' words are {@link Light#label()}. Each text colour has at least 4.5:1 contrast on its background.
 */
public final class Palette {

    /**
     * The colours of the page itself.
     *
     * @param text       body text
     * @param muted      secondary text (notes, footers)
     * @param background page background, table headers
     * @param border     lines: table cells, cards
     * @param brand      the header bar, buttons, error text
     * @param ok         success text
     */
    public record Page(String text, String muted, String background, String border, String brand, String ok) {
    }

    public static final Page PAGE = new Page("#222", "#666", "#f6f7f9", "#ddd", "#b3261e", "#1b7f3b");

    /** How a light is drawn: a badge of this text colour on this background with this border. */
    public record Swatch(String text, String background, String border) {
    }

    public static final Swatch RED = new Swatch("#fff", "#c62828", "#8e0000");
    public static final Swatch YELLOW = new Swatch("#3a2c00", "#ffd54f", "#c8a415");
    public static final Swatch GREEN = new Swatch("#fff", "#2e7d32", "#1b5e20");
    /** No light (nothing assessed yet); also the empty part of a progress bar. */
    public static final Swatch NONE = new Swatch("#555", "#eee", "#ccc");

    private Palette() {
    }

    public static Swatch of(Light light) {
        return switch (light) {
            case RED -> RED;
            case YELLOW -> YELLOW;
            case GREEN -> GREEN;
        };
    }
}
