package cn.lyg.xilian.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task page's supervision and evidence forms answer invalid input in place, in Chromium on the local run: an
 * extension request without a date keeps its reason and shows the message beside the date field (aria-invalid,
 * aria-describedby), the summary at the form's top has the focus; a 不予批准 without a note and an empty 督办意见
 * keep their forms; a .txt file is refused beside the file field. A form's address opened with GET goes back to
 * the task page; an unknown address is a Chinese page with the navigation; 退出 ends on 已退出. No page shows an
 * English error code, and axe-core finds nothing on any of them at phone and desktop width.
 */
class FormErrorsBrowserTest {

    private static final String TASK = "2.5";
    private static final String UNIT = "guanyun";
    private static final Pattern CODE = Pattern.compile("[A-Z_]{6,}");

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("form-errors-browser", Map.of());

    private WebDriver browser() {
        return run.chromium.driver();
    }

    private void signIn(String marker) throws Exception {
        browser().get(run.local.signInLink(marker));
        browser().findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        browser().get(run.base + path);
    }

    private long status() {
        return (Long) ((JavascriptExecutor) browser()).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    private String text() {
        return browser().findElement(By.tagName("body")).getText();
    }

    /** Chinese for people: no error code (nor any other run of capitals) in what the page shows. */
    private void noCodes() {
        assertThat(CODE.matcher(text()).results().map(m -> m.group()).toList()).as(browser().getCurrentUrl()).isEmpty();
    }

    /** The field's message is beside it and the field points at it; the form's summary has the focus. */
    private void errorBeside(String inputId, String message, String summaryId) {
        WebElement input = browser().findElement(By.id(inputId));
        assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getDomAttribute("aria-describedby")).isEqualTo(inputId + "-error");
        assertThat(browser().findElement(By.id(inputId + "-error")).getText()).contains(message);
        assertThat(browser().switchTo().activeElement().getDomAttribute("id")).isEqualTo(summaryId);
        assertThat(browser().findElement(By.id(summaryId)).getText()).contains("提交未成功").contains(message);
    }

    @Test
    void everyFormKeepsItsInputAndShowsItsErrorsInPlace() throws Exception {
        run.chromium.resize(1366, 900);

        // The unit asks for an extension without a date: the reason stays, the message is beside the date.
        signIn("(" + UNIT + ")");
        open("/tasks/" + TASK);
        Axe.checkAt(run.chromium, "errors-task-unit");
        browser().findElement(By.id("ext-reason")).sendKeys("园区用地报批延迟，申请延期");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.extension-form button[type=submit]"));
        assertThat(status()).isEqualTo(422L);
        assertThat(browser().findElement(By.id("ext-reason")).getDomProperty("value")).isEqualTo("园区用地报批延迟，申请延期");
        errorBeside("ext-date", "请填写日期", "extension-errors");
        assertThat(browser().findElement(By.id("ext-reason")).getDomAttribute("aria-invalid")).isNull();
        noCodes();
        Axe.checkAt(run.chromium, "errors-extension");

        // Its address opened again with GET (Enter in the address bar): back on the task page, not 405.
        open("/tasks/" + TASK + "/extensions");
        assertThat(browser().getCurrentUrl()).isEqualTo(run.base + "/tasks/" + TASK);
        assertThat(status()).isEqualTo(200L);

        // The request, now complete, is stored: redirect-after-post to the unit's block.
        ((JavascriptExecutor) browser()).executeScript("document.getElementById('ext-date').value='2027-02-28'");
        browser().findElement(By.id("ext-reason")).sendKeys("园区用地报批延迟，申请延期");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.extension-form button[type=submit]"));
        assertThat(status()).isEqualTo(200L);
        assertThat(browser().getCurrentUrl()).endsWith("/tasks/" + TASK + "#unit-" + UNIT);
        assertThat(text()).contains("待审批");

        // A report, then a .txt file as evidence: refused beside the file field.
        new Select(browser().findElement(By.id("status"))).selectByVisibleText("推进中");
        browser().findElement(By.id("percent")).sendKeys("30");
        browser().findElement(By.id("progress")).sendKeys("完成园区道路规划");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.report-form button[type=submit]"));
        assertThat(text()).contains("已保存");
        Axe.checkAt(run.chromium, "errors-confirmation");
        open("/tasks/" + TASK);
        Path txt = Files.writeString(Files.createTempDirectory("evidence-").resolve("情况说明.txt"), "情况说明",
                StandardCharsets.UTF_8);
        browser().findElement(By.id("evidence-files")).sendKeys(txt.toString());
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.evidence-form button[type=submit]"));
        assertThat(status()).isEqualTo(422L);
        errorBeside("evidence-files", "“情况说明.txt”不是允许的文件类型", "evidence-errors");
        noCodes();
        Axe.checkAt(run.chromium, "errors-evidence");

        // The progress form's own errors are tied to their fields the same way.
        open("/tasks/" + TASK);
        browser().findElement(By.id("progress")).clear();
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.report-form button[type=submit]"));
        assertThat(status()).isEqualTo(422L);
        errorBeside("progress", "请填写", "report-errors");
        noCodes();
        Axe.checkAt(run.chromium, "errors-report");

        // An unknown address: a Chinese page with the navigation and the way home.
        open("/tasks/" + TASK + "/no-such-page");
        assertThat(status()).isEqualTo(404L);
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        assertThat(browser().findElements(By.cssSelector("header a[href='/']"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("header form[action='/logout']"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("main a[href='/catalog']"))).isNotEmpty();
        noCodes();
        Axe.checkAt(run.chromium, "errors-not-found");

        // The coordinator: 不予批准 without a note keeps the form; an empty 督办意见 too.
        signIn("市发改委");
        open("/tasks/" + TASK);
        Axe.checkAt(run.chromium, "errors-task-coordinator");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + UNIT + " button[value=reject]"));
        assertThat(status()).isEqualTo(422L);
        errorBeside("note-" + UNIT, "请填写审批意见", "decision-" + UNIT + "-errors");
        assertThat(browser().findElement(By.id("grant-" + UNIT)).getDomProperty("value")).isEqualTo("2027-02-28");
        assertThat(text()).contains("待审批");
        noCodes();
        Axe.checkAt(run.chromium, "errors-decision");

        new Select(browser().findElement(By.id("instruct-unit"))).selectByValue(UNIT);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.instruct-form button[type=submit]"));
        assertThat(status()).isEqualTo(422L);
        errorBeside("instruct-text", "请填写督办意见", "instruction-errors");
        assertThat(new Select(browser().findElement(By.id("instruct-unit"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo(UNIT);
        noCodes();
        Axe.checkAt(run.chromium, "errors-instruction");

        // The plan signed in has the navigation; the header's links are tap targets on a phone.
        open("/catalog");
        assertThat(browser().findElements(By.cssSelector("header a[href='/board']"))).isNotEmpty();
        run.chromium.resize(390, 844);
        for (WebElement target : browser().findElements(By.cssSelector("header a, header button"))) {
            assertThat(target.getSize().getHeight()).as(target.getText()).isGreaterThanOrEqualTo(44);
        }
        Axe.checkAt(run.chromium, "errors-catalog-signed-in");

        // 退出 ends on a Chinese page; the plan signed out shows the way to sign in.
        run.chromium.clickAndWaitForNewPage(By.cssSelector("header form button"));
        assertThat(browser().getCurrentUrl()).isEqualTo(run.base + "/signed-out");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("已退出");
        noCodes();
        Axe.checkAt(run.chromium, "errors-signed-out");
        open("/catalog");
        assertThat(browser().findElements(By.cssSelector("header a[href='/']"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("header form"))).isEmpty();
        Axe.checkAt(run.chromium, "errors-catalog-public");
        open("/tasks/" + TASK);
        assertThat(status()).isEqualTo(401L);
        noCodes();
        Axe.checkAt(run.chromium, "errors-sign-in-needed");
    }
}
