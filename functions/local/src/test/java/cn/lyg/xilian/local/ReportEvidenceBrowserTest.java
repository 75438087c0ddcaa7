package cn.lyg.xilian.local;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceRepository;
import cn.lyg.xilian.core.evidence.ReportRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.local.EvidenceFixture.JPEG_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.MB;
import static cn.lyg.xilian.local.EvidenceFixture.PDF_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report step with its 佐证材料 in Chromium (local run, no JavaScript of ours): a unit reports with a 5 MB
 * photo and a PDF in one pass and finds them on the confirmation page, adds one more from there ("继续上传佐证材料",
 * "已上传1个文件"); after the coordinator returns the report, the unit's task page is that report to revise — every
 * value filled in, the reason above the form, each earlier file ticked — and the resubmitted report has the ticked
 * files. axe-core finds nothing on each page, at 390x844 and 1366x900.
 */
class ReportEvidenceBrowserTest {

    private static final String TASK = "1.2";
    private static final String UNIT = "ganyu";
    private static final String REASON = "照片看不清施工进度，请补充说明并重新上报";

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("report-evidence-browser", Map.of());

    private void signIn(String marker) throws Exception {
        WebDriver browser = run.chromium.driver();
        browser.get(run.local.signInLink(marker));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login")
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private String value(String id) {
        return run.chromium.driver().findElement(By.id(id)).getDomProperty("value");
    }

    private void retype(String id, String text) {
        WebElement field = run.chromium.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Brings {@code css} into the viewport, so the screenshots show the part of the page under test. */
    private void show(String css) {
        WebDriver browser = run.chromium.driver();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector(css)));
    }

    private static String reportKey(String url) {
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("[?#].*", "");
    }

    private static List<EvidenceFile> files(String key) {
        return run.server.getApplicationContext().getBean(EvidenceRepository.class)
                .files(new ReportRef(2026, TASK, UNIT, key));
    }

    @Test
    void aUnitReportsWithFilesInOnePassAndAfterReturnResubmitsFromTheReturnedReportKeepingItsFiles() throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(390, 844);
        Path dir = Files.createTempDirectory("report-evidence-");
        Path photo = file(dir, "IMG_20261207_101500.jpg", JPEG_MAGIC, 5 * MB, 51);
        Path pdf = file(dir, "施工合同（盖章）.pdf", PDF_MAGIC, MB / 2 + 1234, 52);
        Path later = file(dir, "补充说明.pdf", PDF_MAGIC, 64 * 1024, 53);

        // (a) One pass: the report and two files; the confirmation page lists them and offers more.
        signIn("(" + UNIT + ")");
        browser.get(run.base + "/tasks/" + TASK);
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("推进中");
        retype("percent", "45");
        retype("progress", "完成主体结构施工的45%");
        retype("problems", "雨季影响混凝土浇筑");
        retype("nextSteps", "12月底前完成主体封顶");
        retype("reporter", "王晓明");
        retype("phone", "0518-85812345");
        // A refused file first: nothing is stored, the form comes back as typed with the message at its field.
        Path fake = Files.writeString(dir.resolve("现场照片.jpg"), "<html><script>alert(1)</script></html>");
        browser.findElement(By.id("report-files")).sendKeys(fake.toString());
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.report-form button[type=submit]"));
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus")).isEqualTo(422L);
        assertThat(browser.findElement(By.id("report-files-error")).getText()).contains("“现场照片.jpg”不是允许的文件类型");
        assertThat(browser.findElement(By.id("report-files")).getDomAttribute("aria-describedby")).isEqualTo("report-files-error");
        assertThat(value("progress")).isEqualTo("完成主体结构施工的45%");
        assertThat(value("phone")).isEqualTo("0518-85812345");
        assertThat(EvidenceFixture.filesOnDisk(run.data)).isEmpty();
        show("#report-files");
        Axe.checkAt(run.chromium, "report-form-file-refused");

        browser.findElement(By.id("report-files")).sendKeys(photo + "\n" + pdf);
        show("#report-files");
        Axe.checkAt(run.chromium, "report-form-with-files");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.report-form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("/submissions/" + TASK + "/" + UNIT + "/");
        String firstKey = reportKey(browser.getCurrentUrl());
        assertThat(browser.getPageSource()).contains("已保存").contains("佐证材料（2个）")
                .contains("IMG_20261207_101500.jpg").contains("施工合同（盖章）.pdf").contains("继续上传佐证材料");
        assertThat(files(firstKey)).extracting(EvidenceFile::size).containsExactlyInAnyOrder(5 * MB, MB / 2 + 1234);
        show("form.evidence-more");
        Axe.checkAt(run.chromium, "report-confirmation-with-files");

        // More files from the confirmation page: back there, with the count said.
        browser.findElement(By.id("more-files")).sendKeys(later.toString());
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.evidence-more button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("/submissions/" + TASK + "/" + UNIT + "/" + firstKey);
        assertThat(browser.findElement(By.cssSelector(".upload-done")).getText()).isEqualTo("已上传1个文件");
        assertThat(browser.getPageSource()).contains("佐证材料（3个）").contains("补充说明.pdf");
        Axe.checkAt(run.chromium, "report-confirmation-more-uploaded");

        // The coordinator returns it with a reason (the review form on the task page).
        signIn("市发改委");
        run.chromium.resize(1366, 900);
        browser.get(run.base + "/tasks/" + TASK);
        browser.findElement(By.id("reason-" + UNIT)).sendKeys(REASON);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + UNIT + " button[value=RETURNED]"));
        assertThat(browser.getPageSource()).contains("最新填报已退回");

        // (c) The unit's task page is the returned report to revise, its files ticked.
        signIn("(" + UNIT + ")");
        browser.get(run.base + "/tasks/" + TASK);
        WebElement form = browser.findElement(By.cssSelector("form.report-form"));
        assertThat(form.getText()).contains("修改后重新填报（根据退回原因修改）").contains("退回原因：" + REASON);
        assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("推进中");
        assertThat(value("percent")).isEqualTo("45");
        assertThat(value("progress")).isEqualTo("完成主体结构施工的45%");
        assertThat(value("problems")).isEqualTo("雨季影响混凝土浇筑");
        assertThat(value("nextSteps")).isEqualTo("12月底前完成主体封顶");
        assertThat(value("reporter")).isEqualTo("王晓明");
        assertThat(value("phone")).isEqualTo("0518-85812345");
        List<WebElement> ticks = browser.findElements(By.cssSelector("fieldset.carry-files input[type=checkbox]"));
        assertThat(ticks).hasSize(3).allMatch(WebElement::isSelected);
        show("form.report-form");
        Axe.checkAt(run.chromium, "report-revision-form");

        // Revised text, one earlier file left out: the new report has exactly the ticked ones.
        retype("progress", "完成主体结构施工的45%，已补充施工日志说明");
        WebElement dropped = browser.findElement(By.xpath("//fieldset[contains(@class,'carry-files')]//label[normalize-space(.)='补充说明.pdf']"));
        browser.findElement(By.id(dropped.getDomAttribute("for"))).click();
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.report-form button[type=submit]"));
        String secondKey = reportKey(browser.getCurrentUrl());
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(browser.getPageSource()).contains("已保存").contains("已补充施工日志说明").contains("佐证材料（2个）")
                .contains("IMG_20261207_101500.jpg").contains("施工合同（盖章）.pdf").doesNotContain("补充说明.pdf");
        assertThat(files(secondKey)).extracting(EvidenceFile::displayName)
                .containsExactlyInAnyOrder("IMG_20261207_101500.jpg", "施工合同（盖章）.pdf");
        assertThat(files(firstKey)).as("the returned report keeps its files").hasSize(3);
        show("ul.report-files");
        Axe.checkAt(run.chromium, "report-resubmitted-confirmation");
    }
}
