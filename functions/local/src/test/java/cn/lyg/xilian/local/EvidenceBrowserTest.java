package cn.lyg.xilian.local;

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
import java.util.stream.Stream;

import static cn.lyg.xilian.local.EvidenceFixture.JPEG_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.MB;
import static cn.lyg.xilian.local.EvidenceFixture.PDF_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A liaison on a phone attaches real-size files through the task page's form in Chromium (local run): a 0.5 MB
 * PDF, a 5 MB photo and a 19.5 MB scan in one post; a 20.5 MB scan is refused with its Chinese message and leaves
 * nothing. Files named {@code .hta}, {@code .html}, {@code .bat} and with U+202E are listed and saved by the browser
 * under safe names: the detected type's extension, no invisible characters.
 */
class EvidenceBrowserTest {

    private static final String TASK = "1.2";
    private static final String UNIT = "guannan";

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("evidence-browser", Map.of());

    private void signInAndReport(String progress) throws Exception {
        WebDriver browser = run.chromium.driver();
        browser.get(run.local.signInLink("(" + UNIT + ")"));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(run.base + "/tasks/" + TASK);
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("推进中");
        browser.findElement(By.id("percent")).sendKeys("50");
        browser.findElement(By.id("progress")).sendKeys(progress);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/tasks/" + TASK + "'] button[type=submit]"));
        assertThat(browser.getPageSource()).contains("已保存");
        Axe.check(run.chromium, "confirmation, phone");
        browser.get(run.base + "/tasks/" + TASK);
    }

    private void attach(Path... files) {
        WebDriver browser = run.chromium.driver();
        browser.findElement(By.id("evidence-files")).sendKeys(String.join("\n",
                Stream.of(files).map(Path::toString).toList()));
        // 25 MB through the form: a generous bound for the post on a loaded machine.
        Object before = ((JavascriptExecutor) browser).executeScript("return performance.timeOrigin");
        browser.findElement(By.cssSelector("form.evidence-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> !before.equals(((JavascriptExecutor) d)
                .executeScript("return performance.timeOrigin"))
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private long status() {
        return (Long) ((JavascriptExecutor) run.chromium.driver()).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    @Test
    void aPhoneAttachesRealSizeFilesAndTheBrowserSavesThemUnderSafeNames() throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(390, 1600);
        signInAndReport("完成设备采购招标");
        Path dir = Files.createTempDirectory("evidence-phone-");
        Path pdf = file(dir, "会议纪要.pdf", PDF_MAGIC, MB / 2, 11);
        Path photo = file(dir, "IMG_20261207_093015.jpg", JPEG_MAGIC, 5 * MB, 12);
        Path scan = file(dir, "协议扫描件（盖章）.pdf", PDF_MAGIC, 19 * MB + MB / 2, 13);
        Path oversized = file(dir, "整本台账扫描.pdf", PDF_MAGIC, 20 * MB + MB / 2, 14);

        attach(pdf, photo, scan);
        assertThat(status()).isEqualTo(200L);
        assertThat(browser.getCurrentUrl()).startsWith(run.base + "/tasks/" + TASK);
        assertThat(browser.findElement(org.openqa.selenium.By.cssSelector("#history-" + UNIT + " .upload-done")).getText())
                .isEqualTo("已上传3个文件");
        assertThat(browser.getPageSource()).contains("佐证材料（3个）").contains("会议纪要.pdf")
                .contains("IMG_20261207_093015.jpg").contains("协议扫描件（盖章）.pdf");
        run.chromium.screenshot("evidence-real-size-phone.png");
        Axe.check(run.chromium, "task page with files, phone");
        var onDisk = EvidenceFixture.filesOnDisk(run.data);
        assertThat(onDisk.values()).containsExactlyInAnyOrder(EvidenceFixture.sha256(pdf),
                EvidenceFixture.sha256(photo), EvidenceFixture.sha256(scan));

        attach(oversized);
        assertThat(status()).isEqualTo(422L);
        assertThat(browser.getPageSource()).contains("“整本台账扫描.pdf”超过20MB，请压缩或拆分后再上传");
        run.chromium.screenshot("evidence-too-large-phone.png");
        Axe.checkAt(run.chromium, "evidence-too-large");
        assertThat(EvidenceFixture.filesOnDisk(run.data)).isEqualTo(onDisk);
        assertThat(EvidenceFixture.waiting(run.data)).isEmpty();

        // Names that would run or disguise themselves on an office PC; the content is a PDF or a photo.
        browser.get(run.base + "/tasks/" + TASK);
        Path named = Files.createTempDirectory("evidence-names-");
        List<Path> hostile = List.of(
                file(named, "说明.hta", PDF_MAGIC, 2048, 21),
                file(named, "整改报告.html", PDF_MAGIC, 2048, 22),
                file(named, "附件\u202Efdp.bat", PDF_MAGIC, 2048, 23),
                file(named, "现场\u200B照片.exe", JPEG_MAGIC, 2048, 24));
        attach(hostile.toArray(Path[]::new));
        assertThat(status()).isEqualTo(200L);
        String page = browser.getPageSource();
        assertThat(page).contains("说明.pdf", "整改报告.pdf", "附件fdp.pdf", "现场照片.jpg")
                .doesNotContain("\u202E", "\u200B", ".hta", ".html<", ".bat", ".exe");
        run.chromium.screenshot("evidence-safe-names-phone.png");
        Axe.check(run.chromium, "task page with safe names, phone");

        Path downloads = run.chromium.allowDownloads();
        for (String name : List.of("说明.pdf", "整改报告.pdf", "附件fdp.pdf", "现场照片.jpg")) {
            WebElement link = browser.findElement(By.xpath("//a[starts-with(@href, '/evidence/') and normalize-space(.)='"
                    + name + "']"));
            link.click();
        }
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> savedNames(downloads).size() == 4);
        assertThat(savedNames(downloads)).containsExactlyInAnyOrder("说明.pdf", "整改报告.pdf", "附件fdp.pdf", "现场照片.jpg");
    }

    private static List<String> savedNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crdownload")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
