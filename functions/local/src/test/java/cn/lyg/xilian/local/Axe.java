package cn.lyg.xilian.local;

import cn.lyg.xilian.testkit.Chromium;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (npm, infra/local) on the page the browser shows: any violation of any impact fails the test, listed
 * with the rule, its impact and the first elements it found. {@link #checkAt} looks at a phone's and a desktop's
 * width and keeps a screenshot of each.
 */
final class Axe {

    private static final Path SCRIPT = Path.of(System.getProperty("xilian.root", "../.."),
            "infra/local/node_modules/axe-core/axe.min.js");
    static final int[][] PHONE_AND_DESKTOP = {{390, 844}, {1366, 900}};
    private static String script;

    private Axe() {
    }

    /** The page as it is now, {@code name} naming it in the failure. */
    static void check(Chromium chromium, String name) {
        JavascriptExecutor js = (JavascriptExecutor) chromium.driver();
        js.executeScript(script());
        Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))),"
                + " e => done(['axe failed: ' + e]));");
        assertThat((List<?>) violations).as("axe-core on %s (%s)", name, chromium.driver().getCurrentUrl()).isEmpty();
    }

    /** The page at 390x844 and 1366x900 (screenshots {@code name-390.png}, {@code name-1366.png}); the size is restored. */
    static void checkAt(Chromium chromium, String name) {
        WebDriver driver = chromium.driver();
        Dimension before = driver.manage().window().getSize();
        try {
            for (int[] size : PHONE_AND_DESKTOP) {
                chromium.resize(size[0], size[1]);
                check(chromium, name + " at " + size[0] + "x" + size[1]);
                chromium.screenshot(name + "-" + size[0] + ".png");
            }
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static synchronized String script() {
        if (script == null) {
            assertThat(SCRIPT).as("axe-core: run `source infra/bin/lib.sh && ensure_node_packages`").exists();
            try {
                script = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
