package cn.lyg.xilian.local;

import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.testkit.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 督办意见 in Chromium on the local run: 市发改委 leaves an instruction on task 2.1 for 灌云县 only, from the task
 * page's form. 灌云县 sees it on its task page marked new; opening the page marks it read, so the next visit no
 * longer marks it. 海州区, another responsible unit of the task, does not see it. The next weekly digest (the
 * Monday summary run for the week that holds today) lists it in 灌云县's mail and not in 海州区's. Screenshots on
 * desktop and phone width.
 */
class InstructionBrowserTest {

    private static final String TASK = "2.1";
    private static final String UNIT = "guanyun";
    private static final String UNIT_MAIL = "guanyun@lyg.example.cn";
    private static final String OTHER = "haizhou";
    private static final String OTHER_MAIL = "haizhou@lyg.example.cn";
    private static final String TEXT = "请于本月底前报送园区共建协议签署进展及佐证材料";

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("instruction-browser", Map.of(
            "xilian.contacts.units." + UNIT, List.of(UNIT_MAIL), "xilian.contacts.units." + OTHER, List.of(OTHER_MAIL)));

    private void signIn(String marker) throws Exception {
        WebDriver browser = run.chromium.driver();
        browser.get(run.local.signInLink(marker));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        Axe.check(run.chromium, "home after signing in as " + marker);
    }

    @Test
    void anInstructionForOneUnitReachesThatUnitsPageAndDigestOnly() throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(1280, 2000);

        // The coordinator leaves an instruction for 灌云县 from the task page.
        signIn("市发改委");
        browser.get(run.local.base() + "/tasks/" + TASK);
        Axe.check(run.chromium, "task page, coordinator");
        new Select(browser.findElement(By.id("instruct-unit"))).selectByValue(UNIT);
        browser.findElement(By.id("instruct-text")).sendKeys(TEXT);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.instruct-form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("/tasks/" + TASK);
        assertThat(browser.findElement(By.id("supervision")).getText()).contains(TEXT).contains("致灌云县");
        run.chromium.screenshot("instruction-coordinator-desktop.png");
        Axe.check(run.chromium, "task page after the instruction");

        // 灌云县 sees it, marked new the first time (phone width); opening the page marked it read.
        signIn("(" + UNIT + ")");
        run.chromium.resize(390, 2000);
        browser.get(run.local.base() + "/tasks/" + TASK);
        String first = browser.findElement(By.id("supervision")).getText();
        assertThat(first).contains(TEXT).contains("（新）");
        run.chromium.screenshot("instruction-unit-phone.png");
        Axe.check(run.chromium, "task page, unit, phone");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("supervision")).getText()).contains(TEXT).doesNotContain("（新）");
        run.chromium.resize(1280, 2000);

        // 海州区, also responsible for the task, does not see it.
        signIn("(" + OTHER + ")");
        browser.get(run.local.base() + "/tasks/" + TASK);
        assertThat(browser.getPageSource()).doesNotContain(TEXT);
        assertThat(browser.findElements(By.cssSelector("#supervision .instruction"))).isEmpty();
        Axe.check(run.chromium, "task page, other unit");

        // The next weekly digest: in 灌云县's mail, not in 海州区's.
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        run.local.server().getApplicationContext().getBean(SendWeeklySummary.class).run(2026, monday);
        List<String> unitMails = mailsTo(UNIT_MAIL);
        List<String> otherMails = mailsTo(OTHER_MAIL);
        assertThat(unitMails).as("灌云县's digest").isNotEmpty().anySatisfy(m -> assertThat(m).contains("督办意见").contains(TEXT));
        assertThat(otherMails).as("海州区's digest").isNotEmpty().noneSatisfy(m -> assertThat(m).contains(TEXT));
    }

    /** The text of every outbox message to {@code address} (all text parts, decoded). */
    private static List<String> mailsTo(String address) throws Exception {
        return Outbox.to(run.local.data(), address, "text/*");
    }
}
