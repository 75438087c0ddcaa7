package cn.lyg.xilian.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 群机器人 in Chromium on the local run (issue 26): a coordinator sets the coordinators' group's robot and 灌云县's
 * from 单位与账号管理; a webhook that is not https comes back in place with its message, the secret never written into
 * the page; saved, the pages show only the vendor, the masked webhook and whether a secret is set; a form filled
 * before another change says 已被他人修改 and keeps what was typed. axe-core finds nothing at a phone's and a desk's
 * width (screenshots in target/screenshots).
 */
class RobotsBrowserTest {

    private static final String UNIT = "guanyun";
    private static final String WECOM_TOKEN = "693a91f6-7b1c-4bc4-97a0-0ec2e1fa5aaa";
    private static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_TOKEN;
    private static final String DINGTALK_TOKEN = "1f2e3d4c5b6a79880123456789abcdef";
    private static final String DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=" + DINGTALK_TOKEN;
    private static final String SECRET = "SECb6a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("robots-browser", Map.of());

    @Test
    void aCoordinatorSetsTheRobotsAndThePagesShowThemMasked() throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(1366, 900);
        run.signIn("市发改委");
        browser.get(run.base + "/admin/units");
        run.chromium.clickAndWaitForNewPage(By.linkText("群机器人"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("群机器人");
        assertThat(browser.findElement(By.id("robot-count")).getText()).isEqualTo("0");
        Axe.checkAt(run.chromium, "admin-robots-empty");

        // the coordinators' group: a plain-http webhook is refused in place, the secret not echoed
        run.chromium.clickAndWaitForNewPage(By.cssSelector("#robot-coordinators a"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("统筹人员群");
        new Select(browser.findElement(By.id("robot-vendor"))).selectByVisibleText("钉钉");
        browser.findElement(By.id("robot-webhookUrl")).sendKeys(DINGTALK.replace("https://", "http://"));
        browser.findElement(By.id("robot-secret")).sendKeys(SECRET);
        run.chromium.clickAndWaitForNewPage(By.id("save-robot"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("https");
        assertThat(browser.findElement(By.id("robot-webhookUrl")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("robot-webhookUrl")).getDomProperty("value"))
                .isEqualTo(DINGTALK.replace("https://", "http://"));
        assertThat(new Select(browser.findElement(By.id("robot-vendor"))).getFirstSelectedOption().getText())
                .isEqualTo("钉钉");
        assertThat(browser.findElement(By.id("robot-secret")).getDomProperty("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(SECRET);
        Axe.checkAt(run.chromium, "admin-robot-invalid");
        browser.findElement(By.id("robot-webhookUrl")).clear();
        browser.findElement(By.id("robot-webhookUrl")).sendKeys(DINGTALK);
        browser.findElement(By.id("robot-secret")).sendKeys(SECRET);
        run.chromium.clickAndWaitForNewPage(By.id("save-robot"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("群机器人已保存");
        assertThat(browser.findElement(By.id("current-vendor")).getText()).isEqualTo("钉钉");
        assertThat(browser.findElement(By.id("current-webhook")).getText())
                .isEqualTo("https://oapi.dingtalk.com/robot/send?…");
        assertThat(browser.findElement(By.id("current-secret")).getText()).contains("已设置");
        assertThat(browser.findElement(By.id("current-updated")).getText()).contains("本地开发统筹人员");
        assertThat(browser.getPageSource()).doesNotContain(DINGTALK_TOKEN).doesNotContain(SECRET);
        Axe.checkAt(run.chromium, "admin-robot-coordinators");

        // 灌云县's group, from its unit page
        browser.get(run.base + "/admin/units/" + UNIT);
        run.chromium.clickAndWaitForNewPage(By.id("unit-robot"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("灌云县");
        String staleVersion = browser.findElement(By.name("version")).getDomProperty("value");
        new Select(browser.findElement(By.id("robot-vendor"))).selectByVisibleText("企业微信");
        browser.findElement(By.id("robot-webhookUrl")).sendKeys(WECOM);
        run.chromium.clickAndWaitForNewPage(By.id("save-robot"));
        assertThat(browser.findElement(By.id("current-webhook")).getText())
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…");
        assertThat(browser.findElement(By.id("current-secret")).getText()).isEqualTo("未设置");

        // a form filled before that save: told, and what was typed is still there
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('#robot-form input[name=version]').value = arguments[0]", staleVersion);
        new Select(browser.findElement(By.id("robot-vendor"))).selectByVisibleText("飞书");
        browser.findElement(By.id("robot-webhookUrl")).sendKeys("https://open.feishu.cn/open-apis/bot/v2/hook/abcd1234efgh5678");
        run.chromium.clickAndWaitForNewPage(By.id("save-robot"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("已被他人修改");
        assertThat(browser.findElement(By.id("robot-webhookUrl")).getDomProperty("value"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/abcd1234efgh5678");
        assertThat(browser.findElement(By.id("current-vendor")).getText()).isEqualTo("企业微信");
        Axe.checkAt(run.chromium, "admin-robot-stale");

        browser.get(run.base + "/admin/robots");
        assertThat(browser.findElement(By.id("robot-count")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("#robot-coordinators .vendor")).getText()).contains("钉钉");
        assertThat(browser.findElement(By.cssSelector("#robot-coordinators .signed")).getText()).contains("已设置");
        assertThat(browser.findElement(By.cssSelector("#robot-unit-" + UNIT + " .webhook")).getText())
                .contains("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…");
        assertThat(browser.getPageSource()).doesNotContain(WECOM_TOKEN).doesNotContain(DINGTALK_TOKEN)
                .doesNotContain(SECRET);
        Axe.checkAt(run.chromium, "admin-robots");

        // the trail says what changed, never the token or the secret; the key file is the owner's only
        browser.get(run.base + "/admin/audit?action=ROBOT_SAVED");
        assertThat(browser.findElements(By.cssSelector("tr.entry"))).hasSize(2);
        assertThat(browser.getPageSource()).contains("钉钉").doesNotContain(DINGTALK_TOKEN).doesNotContain(SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.data.resolve("chat-sealing.key"))))
                .isEqualTo("rw-------");

        // 移除: the coordinators' group gets email only
        browser.get(run.base + "/admin/robots/coordinators");
        run.chromium.clickAndWaitForNewPage(By.id("remove-robot"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已移除");
        assertThat(browser.findElement(By.id("robot-count")).getText()).isEqualTo("1");
    }
}
