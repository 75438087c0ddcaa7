package cn.lyg.xilian.local;

import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.testkit.TaskForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 年度总结 in the local run: a coordinator follows the board's link to /summary/2026, sees the units ranked, every
 * pair's line and the 存在问题 gathered by unit (hostile text shown as text), passes axe on desktop and phone width;
 * a unit asking for the same page gets 403.
 */
class YearSummaryBrowserTest {

    private static final String HOSTILE = "<script>alert('x')</script>资金=未到位";

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("year-summary-browser", Map.of());

    @Test
    void aCoordinatorReadsTheYearsSummaryAndAUnitIsRefused() throws Exception {
        ProgressRepository progress = run.server.getApplicationContext().getBean(ProgressRepository.class);
        progress.record(report("2.9", "guannan", "ys-1", ProgressStatus.DONE, 100, null, "2026-11-02T01:00:00Z"));
        progress.record(report("3.1.6", "lianyun", "ys-2", ProgressStatus.BLOCKED, 30, HOSTILE, "2026-11-03T01:00:00Z"));

        WebDriver browser = run.chromium.driver();
        run.signIn("市发改委");
        browser.get(run.base + "/board");
        run.chromium.clickAndWaitForNewPage(By.id("year-summary"));
        assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/summary/2026");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2026年度总结");
        assertThat(browser.findElement(By.cssSelector("tr.pair-row[data-pair='2.9/guannan']")).getText())
                .contains("已完成").contains("100%").contains("按期完成");
        assertThat(browser.findElements(By.cssSelector("tr.unit-row"))).hasSizeGreaterThan(5);
        assertThat(browser.findElement(By.cssSelector("ul.problems[data-unit='lianyun'] .problem")).getText())
                .isEqualTo(HOSTILE);
        assertThat(browser.findElement(By.id("dl-summary")).getAttribute("href")).endsWith("/summary/2026/summary.xlsx");
        run.chromium.screenshot("year-summary-desktop.png");
        Axe.checkAt(run.chromium, "year-summary");
        run.chromium.resize(390, 2400);
        browser.get(run.base + "/summary/2026");
        run.chromium.screenshot("year-summary-phone.png");
        Axe.check(run.chromium, "year summary on a phone");
        run.chromium.resize(1280, 2400);

        browser.get(run.base + "/summary/2025");
        assertThat(TaskForm.navigationStatus(browser)).as("another year").isEqualTo(404L);

        browser.manage().deleteAllCookies();
        run.signIn("(guannan)");
        browser.get(run.base + "/summary/2026");
        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(403L);
        browser.get(run.base + "/summary/2026/summary.xlsx");
        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(403L);
        browser.get(run.base + "/board");
        assertThat(browser.findElements(By.id("year-summary"))).as("no link for a unit").isEmpty();
    }

    private static Submission report(String task, String unit, String key, ProgressStatus status, int percent,
                                     String problems, String at) {
        return new Submission(2026, task, unit, key, status, percent, Map.of(), "推进情况", problems, null, "张三",
                null, Instant.parse(at));
    }
}
