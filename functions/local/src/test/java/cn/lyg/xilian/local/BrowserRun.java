package cn.lyg.xilian.local;

import cn.lyg.xilian.testkit.Chromium;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local run ({@link LocalRun}) and a Chromium for one browser test class, declared as
 * {@code @RegisterExtension static final BrowserRun run = new BrowserRun(name, extra)}: both start before the
 * class's {@code @BeforeAll} methods and close after its {@code @AfterAll} methods, the browser first. Chromium
 * missing fails the class (never skips it): a page nobody looked at is not tested.
 */
final class BrowserRun implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Map<String, Object> extra;
    LocalRun local;
    EmbeddedServer server;
    String base;
    Path data;
    Chromium chromium;

    BrowserRun(String name, Map<String, Object> extra) {
        this.name = name;
        this.extra = extra;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        local = LocalRun.start(DynaliteExtension.dynalite(context), name, extra);
        server = local.server();
        base = local.base();
        data = local.data();
        chromium = Chromium.start();
    }

    /**
     * Signs in with the development link whose line contains {@code marker} (e.g. "(guanyun)", "市发改委"): its page,
     * then its button. A browser already signed in as the link's owner is sent straight home and stays signed in.
     */
    void signIn(String marker) throws Exception {
        var browser = chromium.driver();
        browser.get(local.signInLink(marker));
        if (!browser.getCurrentUrl().contains("/login")) {
            return;
        }
        chromium.clickAndWaitForNewPage(org.openqa.selenium.By.cssSelector("form[action='/login'] button[type=submit]"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (local != null) {
            local.close();
        }
    }
}
