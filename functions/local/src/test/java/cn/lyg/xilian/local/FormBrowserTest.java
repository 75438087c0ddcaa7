package cn.lyg.xilian.local;

import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.testkit.Chromium;
import cn.lyg.xilian.testkit.TaskForm;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form as a unit uses it: the local application as infra/bin/local starts it (Netty on localhost, dynalite),
 * Chromium opens 灌南县's sign-in link, fills in task 2.9's form, presses 提交 and sees the confirmation; then an
 * invalid report comes back as a 422 page with the messages and everything typed kept. The browser sends its own
 * headers (Origin, Sec-Fetch-Site, Referer under the pages' referrer policy): the post that a real browser's
 * {@code Origin: null} once got refused with a bare 403. Screenshots on desktop and phone width.
 */
@ExtendWith(DynaliteExtension.class)
class FormBrowserTest {

    static LocalRun local;
    static EmbeddedServer server;
    static Chromium chromium;
    static String base;
    static Path data;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        local = LocalRun.start(dynalite, "form-browser", Map.of());
        server = local.server();
        base = local.base();
        data = local.data();
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The sign-in link the local run wrote for a unit, pointed at this server. */
    static String signInLink(String unitId) throws Exception {
        return local.signInLink("(" + unitId + ")");
    }

    @Test
    void aUnitFillsInAndSubmitsTheFormThenAnInvalidReportKeepsItsInput() throws Exception {
        WebDriver browser = chromium.driver();
        browser.get(signInLink("guannan"));
        assertThat(browser.findElement(By.id("target")).getText()).contains("灌南县"); // the confirmation, nothing set yet
        assertThat(browser.manage().getCookies()).isEmpty();
        chromium.screenshot("sign-in-confirm.png");
        chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));
        assertThat(browser.getPageSource()).contains("我的任务").contains("灌南县");

        browser.get(base + "/tasks/2.9");
        assertThat(browser.getTitle()).contains("2.9");
        TaskForm.fillValid(browser);
        chromium.screenshot("form-filled.png");
        chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));

        assertThat(TaskForm.navigationStatus(browser)).as(browser.getPageSource()).isEqualTo(200L);
        assertThat(browser.getCurrentUrl()).contains("/submissions/2.9/guannan/");
        assertThat(browser.getPageSource()).contains("已保存").contains("40%")
                .contains("&lt;b&gt;正在&lt;/b&gt;办理用地手续");
        chromium.screenshot("form-confirmation.png");
        var stored = server.getApplicationContext().getBean(ProgressRepository.class).historyOfTask(2026, "2.9");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).reporter()).isEqualTo("李四");
        assertThat(stored.get(0).problems()).isEqualTo("用地指标待省级批复");

        // Invalid: percent out of range. The same page comes back (422) with the messages and the typed text.
        browser.get(base + "/tasks/2.9");
        TaskForm.fillInvalid(browser); // types over the unit's last report, which the form starts from
        chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));

        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(422L);
        assertThat(browser.findElement(By.cssSelector("p.err")).getText()).contains("提交未成功");
        assertThat(browser.findElements(By.cssSelector("div.err"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).contains("百分比"));
        assertThat(browser.findElement(By.id("percent")).getAttribute("value")).isEqualTo("150");
        assertThat(browser.findElement(By.id("progress")).getAttribute("value")).isEqualTo("征地补偿未谈妥");
        assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("滞后");
        chromium.screenshot("form-invalid.png");
        chromium.resize(390, 2400);
        browser.get(base + "/tasks/2.9"); // the form, fresh, on a phone
        chromium.screenshot("form-phone.png");
        assertThat(server.getApplicationContext().getBean(ProgressRepository.class).historyOfTask(2026, "2.9"))
                .hasSize(1);

        // Sign-out (the header's button posts the session's CSRF token): back on the plan, and signed out.
        chromium.resize(1280, 2400);
        browser.get(base + "/");
        chromium.clickAndWaitForNewPage(By.cssSelector("header form button"));
        assertThat(browser.getCurrentUrl()).endsWith("/catalog");
        browser.get(base + "/");
        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(401L);
    }
}
