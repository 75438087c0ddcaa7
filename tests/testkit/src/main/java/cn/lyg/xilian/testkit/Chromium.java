package cn.lyg.xilian.testkit;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

/**
 * Debian's headless chromium through chromedriver, both at fixed paths so Selenium Manager never downloads a
 * browser or a driver, with the flags this machine's closed network needs, a fresh profile, and screenshots
 * kept under {@code target/screenshots/}. Missing browser: the test fails with how to install it (never a skip).
 */
public final class Chromium implements AutoCloseable {

    public static final File BINARY = new File("/usr/bin/chromium");
    public static final File DRIVER = new File("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(int width, int height) throws IOException {
        if (!BINARY.canExecute() || !DRIVER.canExecute()) {
            throw new AssertionError("Chromium or chromedriver is missing (" + BINARY + ", " + DRIVER + "). Run "
                    + "infra/bin/test, which installs them (apt-get install chromium chromium-driver), or install them.");
        }
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    public static Chromium start() throws IOException {
        return new Chromium(1280, 2200);
    }

    public WebDriver driver() {
        return driver;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Clicks and waits (bounded) until the page that click navigates to has loaded: a new document (its
     * {@code performance.timeOrigin} differs) that is complete. Polling the old element for staleness raced
     * Chrome's teardown of the old document ("Node with given id does not belong to the document").
     */
    public void clickAndWaitForNewPage(By target) {
        Object before = driver.executeScript("return performance.timeOrigin");
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> !before.equals(driver.executeScript("return performance.timeOrigin"))
                        && "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Lets the browser save downloads (headless Chromium refuses them by default) into a fresh folder, which is
     * returned: the files there carry the names a user's browser would save them under.
     */
    public Path allowDownloads() throws IOException {
        Path dir = Files.createTempDirectory("chromium-downloads-");
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", dir.toAbsolutePath().toString()));
        return dir;
    }

    public Path screenshot(String name) {
        try {
            File file = driver.getScreenshotAs(OutputType.FILE);
            Path to = SCREENSHOTS.resolve(name);
            Files.copy(file.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
