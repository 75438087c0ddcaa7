package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.testkit.Chromium;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board in a real headless browser (Debian's chromium through chromedriver, both at fixed paths so Selenium
 * Manager never downloads a browser or driver): sign in with the link, open the board from the header, filter
 * with the form, check rows and lights, download both files with the browser's cookie, and keep screenshots at
 * desktop and phone width in target/screenshots/.
 */
class BoardBrowserTest {

    @RegisterExtension
    static final TestApp app = TestApp.running(BoardFixture.properties());
    static Chromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        BoardFixture.load(app);
        chromium = Chromium.start(); // fails (never skips) when the browser is missing: a board nobody looked at is not tested
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void signInFilterCheckLightsDownloadAndScreenshot() throws IOException {
        browser.get(app.url("/login?token=" + app.issue(Role.COORDINATOR, null)));
        assertThat(browser.findElement(By.id("target")).getText()).contains("市发改委");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/inbox"));
        } catch (RuntimeException e) {
            throw new AssertionError("sign-in did not reach /inbox: " + browser.getPageSource(), e);
        }
        assertThat(browser.getCurrentUrl()).endsWith("/inbox");
        browser.findElement(By.linkText("进度看板")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/board"));
        assertThat(browser.getTitle()).startsWith("进度看板");
        assertThat(browser.findElements(By.cssSelector("tr.task-row"))).hasSize(app.plan.tasks().size());
        shot("board-all.png");

        new Select(browser.findElement(By.id("f-field"))).selectByVisibleText("产业");
        new Select(browser.findElement(By.id("f-sort"))).selectByValue("risk");
        browser.findElement(By.id("apply")).click();
        // click() returns before the GET of the filter form has navigated: wait for the new page (bounded)
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("field=INDUSTRY"));

        assertThat(browser.getCurrentUrl()).contains("field=INDUSTRY").contains("sort=risk");
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.task-row"));
        assertThat(rows).extracting(r -> r.getAttribute("id")).hasSize(7).first().isEqualTo("task-3.1.6");
        WebElement blocked = browser.findElement(By.id("task-3.1.6"));
        assertThat(blocked.getAttribute("data-light")).isEqualTo("RED");
        assertThat(blocked.findElement(By.cssSelector(".light")).getText()).isEqualTo("红");
        assertThat(blocked.getText()).contains("单位上报受阻，进度30%").contains(BoardFixture.HOSTILE); // shown as text, not run
        WebElement done = browser.findElement(By.id("task-3.1.4"));
        assertThat(done.findElement(By.cssSelector(".light")).getText()).isEqualTo("绿");
        assertThat(rows.getLast().getAttribute("data-light")).isEqualTo("GREEN");
        assertThat(browser.findElement(By.cssSelector(".chart")).getText()).contains("产业");
        shot("board.png");

        // The downloads, fetched like the browser would: its own link, its own cookie.
        String cookie = "xilian_session=" + browser.manage().getCookieNamed("xilian_session").getValue();
        String csvUrl = browser.findElement(By.id("dl-csv")).getAttribute("href");
        assertThat(csvUrl).contains("field=INDUSTRY");
        HttpResponse<byte[]> csv = Http.getBytes(csvUrl, cookie);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-disposition").orElseThrow()).contains("filename*=UTF-8''");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1 + 27);
        assertThat(lines.get(1)).startsWith("3.1.6,"); // the board's order: risk
        HttpResponse<byte[]> xlsx = Http.getBytes(browser.findElement(By.id("dl-xlsx")).getAttribute("href"), cookie);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(4).getStringCellValue()).isEqualTo("连云区");
        }

        // Phone width: the table turns into cards, the chart stays readable.
        chromium.resize(390, 2400);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("table.board thead")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("task-3.1.6")).getText()).contains("红").contains("剩余148天");
        shot("board-phone.png");
    }

    private static void shot(String name) {
        chromium.screenshot(name);
    }
}
