package cn.lyg.xilian.local;

import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.testkit.Chromium;
import cn.lyg.xilian.testkit.TaskForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form as a unit uses it: the local application as infra/bin/local starts it (Netty on localhost, dynalite),
 * Chromium opens 灌南县's sign-in link, fills in task 2.9's form, presses 提交 and sees the confirmation; then an
 * invalid report comes back as a 422 page with the messages and everything typed kept. The browser sends its own
 * headers (Origin, Sec-Fetch-Site, Referer under the pages' referrer policy): the post that a real browser's
 * {@code Origin: null} once got refused with a bare 403. Screenshots on desktop and phone width.
 */
class FormBrowserTest {

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("form-browser", Map.of());

    /** The sign-in link the local run wrote for a unit, pointed at this server. */
    static String signInLink(String unitId) throws Exception {
        return run.local.signInLink("(" + unitId + ")");
    }

    @Test
    void aUnitFillsInAndSubmitsTheFormThenAnInvalidReportKeepsItsInput() throws Exception {
        WebDriver browser = run.chromium.driver();
        browser.get(signInLink("guannan"));
        assertThat(browser.findElement(By.id("target")).getText()).contains("灌南县"); // the confirmation, nothing set yet
        assertThat(browser.manage().getCookies()).isEmpty();
        run.chromium.screenshot("sign-in-confirm.png");
        Axe.check(run.chromium, "sign-in confirmation");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));
        assertThat(browser.getPageSource()).contains("我的任务").contains("灌南县");
        Axe.checkAt(run.chromium, "form-my-tasks");

        browser.get(run.base + "/tasks/2.9");
        assertThat(browser.getTitle()).contains("2.9");
        Axe.checkAt(run.chromium, "form-task");
        TaskForm.fillValid(browser);
        run.chromium.screenshot("form-filled.png");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));

        assertThat(TaskForm.navigationStatus(browser)).as(browser.getPageSource()).isEqualTo(200L);
        assertThat(browser.getCurrentUrl()).contains("/submissions/2.9/guannan/");
        assertThat(browser.getPageSource()).contains("已保存").contains("40%")
                .contains("&lt;b&gt;正在&lt;/b&gt;办理用地手续");
        run.chromium.screenshot("form-confirmation.png");
        Axe.checkAt(run.chromium, "form-confirmation");
        var stored = run.server.getApplicationContext().getBean(ProgressRepository.class).historyOfTask(2026, "2.9");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).reporter()).isEqualTo("李四");
        assertThat(stored.get(0).percent()).as("typed as 40%").isEqualTo(40);
        assertThat(stored.get(0).problems()).isEqualTo("用地指标待省级批复");

        // Invalid: percent out of range. The same page comes back (422) with the messages and the typed text.
        browser.get(run.base + "/tasks/2.9");
        TaskForm.fillInvalid(browser); // types over the unit's last report, which the form starts from
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));

        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(422L);
        assertThat(browser.findElement(By.cssSelector("p.err")).getText()).contains("提交未成功");
        assertThat(browser.findElements(By.cssSelector("div.err"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).contains("百分比"));
        assertThat(browser.findElement(By.id("percent")).getAttribute("value")).isEqualTo("150");
        assertThat(browser.findElement(By.id("progress")).getAttribute("value")).isEqualTo("征地补偿未谈妥");
        assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("滞后");
        run.chromium.screenshot("form-invalid.png");
        Axe.checkAt(run.chromium, "form-invalid");
        run.chromium.resize(390, 2400);
        browser.get(run.base + "/tasks/2.9"); // the form, fresh, on a phone
        run.chromium.screenshot("form-phone.png");
        Axe.check(run.chromium, "form on a phone");
        assertThat(run.server.getApplicationContext().getBean(ProgressRepository.class).historyOfTask(2026, "2.9"))
                .hasSize(1);

        // Sign-out (the header's button posts the session's CSRF token): a Chinese page says so, and signed out.
        run.chromium.resize(1280, 2400);
        browser.get(run.base + "/");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("header form button"));
        assertThat(browser.getCurrentUrl()).endsWith("/signed-out");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("已退出");
        Axe.checkAt(run.chromium, "form-signed-out");
        browser.get(run.base + "/");
        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(401L);
        Axe.check(run.chromium, "sign-in needed");
    }
}
