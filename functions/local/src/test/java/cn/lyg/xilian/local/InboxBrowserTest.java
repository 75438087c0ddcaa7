package cn.lyg.xilian.local;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.web.PlanCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's daily review in Chromium on the local run, at 1366×900 and 390×844: three units report on a
 * task; the coordinator signs in and lands on 待办, which lists the three reports; from there it opens the task
 * and reviews the three units in one pass — each report shown in full beside its buttons, each answer landing
 * on the next unit waiting — returning one with a reason; back in 待办 the reviews are gone and the returned
 * report waits for the unit. axe-core finds nothing on any page; screenshots at both sizes.
 */
class InboxBrowserTest {

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("inbox-browser", Map.of());

    private void viewport(int width, int height) {
        ((ChromeDriver) run.chromium.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private void report(String task, String unit) {
        WebDriver browser = run.chromium.driver();
        browser.get(run.base + "/tasks/" + task);
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("推进中");
        browser.findElement(By.id("percent")).clear();
        browser.findElement(By.id("percent")).sendKeys("40");
        browser.findElement(By.id("progress")).sendKeys(unit + "：已完成项目选址和前期对接");
        browser.findElement(By.id("problems")).sendKeys(unit + "：用地指标紧张");
        browser.findElement(By.id("nextSteps")).sendKeys(unit + "：月底前完成立项");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/tasks/" + task + "'] button[type=submit]"));
        assertThat(browser.getPageSource()).contains("已保存");
    }

    private void axe(String page) {
        Axe.check(run.chromium, page);
        JavascriptExecutor js = (JavascriptExecutor) run.chromium.driver();
        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
        long width = (Long) js.executeScript("return window.innerWidth");
        assertThat(scrollWidth).as("%s: nothing wider than the screen", page).isLessThanOrEqualTo(width);
    }

    private TaskUnitState state(String task, String unit) {
        return run.server.getApplicationContext().getBean(ProgressRepository.class).statesOfTask(2026, task).stream()
                .filter(s -> s.unitId().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void theCoordinatorReviewsAWholeTaskFromTheInboxWithoutLeavingThePage() throws Exception {
        Plan plan = run.server.getApplicationContext().getBean(PlanCache.class).plan();
        List<PlanTask> tasks = plan.tasks().stream().filter(t -> t.unitIds().size() >= 3).limit(2).toList();
        assertThat(tasks).hasSize(2);
        for (PlanTask task : tasks) {
            for (String unit : task.unitIds().subList(0, 3)) {
                run.signIn("(" + unit + ")");
                report(task.id(), unit);
            }
        }
        reviewAt(1366, 900, tasks.get(0));
        reviewAt(390, 844, tasks.get(1));
    }

    private void reviewAt(int width, int height, PlanTask task) throws Exception {
        WebDriver browser = run.chromium.driver();
        String size = width + "x" + height;
        List<String> units = task.unitIds().subList(0, 3);
        viewport(width, height);

        // Sign-in lands on 待办; the header counts what waits; the three reports are listed, with their age.
        run.signIn("市发改委");
        assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/inbox");
        String total = browser.findElement(By.id("inbox-mine")).getText();
        assertThat(browser.findElement(By.cssSelector("#nav-inbox .inbox-count")).getText()).isEqualTo(total);
        axe("inbox " + size);
        run.chromium.screenshot("inbox-" + size + ".png");
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("REVIEW");
        new Select(browser.findElement(By.id("f-section"))).selectByValue(task.sectionId());
        run.chromium.clickAndWaitForNewPage(By.id("apply"));
        List<WebElement> waiting = browser.findElements(By.cssSelector(".item-REVIEW"));
        assertThat(waiting).extracting(WebElement::getText).filteredOn(t -> t.contains("任务 " + task.id()))
                .hasSize(3).allSatisfy(t -> assertThat(t).contains("今天").contains("推进中 · 40%"));
        run.chromium.screenshot("inbox-review-" + size + ".png");

        // 去审核 opens the task at the first unit; its whole report is beside the buttons.
        run.chromium.clickAndWaitForNewPage(By.cssSelector(".item-REVIEW a.go[href='/tasks/" + task.id() + "#unit-"
                + units.get(0) + "']"));
        axe("task " + task.id() + " " + size);
        for (int i = 0; i < 3; i++) {
            String unit = units.get(i);
            WebElement box = browser.findElement(By.cssSelector("#unit-" + unit + " .review-box"));
            assertThat(box.findElement(By.cssSelector(".report-progress")).getText()).contains(unit + "：已完成项目选址");
            assertThat(box.findElement(By.cssSelector(".report-problems")).getText()).contains(unit + "：用地指标紧张");
            assertThat(box.findElement(By.cssSelector(".report-next")).getText()).contains(unit + "：月底前完成立项");
            run.chromium.screenshot("review-" + task.id() + "-" + (i + 1) + "-" + size + ".png");
            boolean sendBack = i == 1;
            if (sendBack) {
                // 退回 without a reason: the page comes back with the message at the reason box, nothing stored.
                browser.findElement(By.id("reason-" + unit)).sendKeys("   ");
                run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + unit + " button[value=RETURNED]"));
                WebElement reason = browser.findElement(By.id("reason-" + unit));
                assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(browser.findElement(By.id(reason.getAttribute("aria-describedby"))).getText())
                        .contains("退回原因");
                assertThat(state(task.id(), unit).review()).isNull();
                axe("review error " + size);
                run.chromium.screenshot("review-error-" + size + ".png");
                reason.clear();
                reason.sendKeys("请补充项目立项批复");
            }
            run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + unit + " button[value="
                    + (sendBack ? "RETURNED" : "ACCEPTED") + "]"));
            String url = browser.getCurrentUrl();
            assertThat(url).contains("/tasks/" + task.id());
            if (i < 2) {
                assertThat(url).as("lands on the next unit waiting").endsWith("#unit-" + units.get(i + 1));
            }
        }
        assertThat(state(task.id(), units.get(0)).review().decision()).isEqualTo(ReviewDecision.ACCEPTED);
        assertThat(state(task.id(), units.get(1)).review().reason()).isEqualTo("请补充项目立项批复");
        assertThat(state(task.id(), units.get(2)).review().decision()).isEqualTo(ReviewDecision.ACCEPTED);
        assertThat(browser.findElements(By.cssSelector(".review-box"))).as("nothing left to review here").isEmpty();

        // Back in 待办: no report of this task waits; the returned one waits for its unit.
        browser.get(run.base + "/inbox?section=" + task.sectionId());
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(browser.findElements(By.cssSelector(".item-REVIEW"))).extracting(WebElement::getText)
                .noneMatch(t -> t.contains("任务 " + task.id()));
        assertThat(browser.findElements(By.cssSelector(".item-RETURNED"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("任务 " + task.id()).contains("退回原因：请补充项目立项批复"));
        assertThat(page).doesNotContainPattern("[A-Z_]{6,}");
        axe("inbox after review " + size);
        run.chromium.screenshot("inbox-after-" + size + ".png");
    }
}
