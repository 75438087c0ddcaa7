package cn.lyg.xilian.local;

import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.testkit.TaskForm;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 各单位排名 in the local run (week 2026-W48): a coordinator follows the board's link, sorts by a column through
 * plain links, passes axe, and downloads the week's 情况通报 (.docx, read back with POI); a unit sees its own score
 * and rank only — one row, no other unit's score — and gets 403 for the 情况通报.
 */
class RankingBrowserTest {

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("ranking-browser", Map.of());

    @Test
    void coordinatorsSeeEveryUnitAndTheBulletinAUnitItsOwnLineOnly() throws Exception {
        ProgressRepository progress = run.server.getApplicationContext().getBean(ProgressRepository.class);
        progress.record(new Submission(2026, "2.9", "guannan", "rk-1", ProgressStatus.DONE, 100, Map.of(), "已完成",
                null, null, "张三", null, Instant.parse("2026-11-24T01:00:00Z")));

        WebDriver browser = run.chromium.driver();
        run.signIn("市发改委");
        browser.get(run.base + "/board");
        run.chromium.clickAndWaitForNewPage(By.id("to-ranking"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/board/ranking");
        browser.get(run.base + "/board/ranking?week=2026-W48");
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.rank-row"));
        assertThat(rows).hasSizeGreaterThan(5);
        assertThat(rows.stream().map(r -> r.findElement(By.cssSelector("td")).getText()).toList())
                .startsWith("1", "2", "3");
        run.chromium.clickAndWaitForNewPage(By.linkText("逾期"));
        assertThat(browser.getCurrentUrl()).endsWith("/board/ranking?week=2026-W48&sort=overdue");
        List<Integer> overdue = browser.findElements(By.cssSelector("tr.rank-row td:nth-child(6)")).stream()
                .map(td -> Integer.parseInt(td.getText())).toList();
        assertThat(overdue).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        run.chromium.screenshot("ranking-coordinator.png");
        Axe.checkAt(run.chromium, "ranking");

        String bulletin = browser.findElement(By.id("dl-bulletin")).getAttribute("href");
        assertThat(bulletin).endsWith("/board/bulletin.docx?week=2026-W48");
        HttpResponse<byte[]> docx = get(bulletin, browser);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).get().asString().contains("wordprocessingml");
        assertThat(docx.headers().firstValue("Content-Disposition")).get().asString().contains("2026-W48.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getParagraphs().get(1).getText()).contains("2026年第48周");
            assertThat(doc.getTables().getFirst().getRows()).hasSize(1 + rows.size());
        }

        browser.manage().deleteAllCookies();
        run.signIn("(guannan)");
        browser.get(run.base + "/board/ranking?week=2026-W48");
        assertThat(browser.findElements(By.cssSelector("tr.rank-row"))).singleElement()
                .satisfies(r -> assertThat(r.getAttribute("data-unit")).isEqualTo("guannan"));
        assertThat(browser.findElement(By.id("own-rank")).getText()).matches("本单位得分 \\d+\\.\\d，第 \\d+ 名（共 \\d+ 个单位）。.*");
        assertThat(browser.findElements(By.cssSelector("th a"))).as("no sorting of others").isEmpty();
        assertThat(browser.findElements(By.id("dl-bulletin"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("东海县", "灌云县", "赣榆区");
        run.chromium.screenshot("ranking-unit.png");
        Axe.checkAt(run.chromium, "ranking of a unit");
        browser.get(run.base + "/board/bulletin.docx?week=2026-W48");
        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(403L);
        browser.get(run.base + "/board/ranking?week=2026-W60");
        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(400L);
    }

    private static HttpResponse<byte[]> get(String url, WebDriver browser) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
