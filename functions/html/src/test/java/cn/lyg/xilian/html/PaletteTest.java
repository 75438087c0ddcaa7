package cn.lyg.xilian.html;

import cn.lyg.xilian.core.alert.Light;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaletteTest {

    private static final String WHITE = "#fff";

    @Test
    void everyTextColourReadsOnItsBackgroundsAtWcagAA() {
        for (String background : List.of(WHITE, Palette.PAGE.background())) {
            for (String text : List.of(Palette.PAGE.text(), Palette.PAGE.muted(), Palette.PAGE.brand(), Palette.PAGE.ok())) {
                assertThat(contrast(text, background)).as("%s on %s", text, background).isGreaterThanOrEqualTo(4.5);
            }
        }
        for (Palette.Swatch s : List.of(Palette.RED, Palette.YELLOW, Palette.GREEN, Palette.NONE)) {
            assertThat(contrast(s.text(), s.background())).as("%s", s).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void eachLightHasItsOwnSwatch() {
        assertThat(List.of(Light.values()).stream().map(Palette::of).distinct()).hasSize(Light.values().length)
                .doesNotContain(Palette.NONE);
    }

    /** WCAG 2 contrast ratio of two "#rgb" / "#rrggbb" colours. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
