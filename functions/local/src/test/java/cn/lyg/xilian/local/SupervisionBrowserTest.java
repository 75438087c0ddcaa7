package cn.lyg.xilian.local;

import cn.lyg.xilian.core.alert.RunAlertScan;
import cn.lyg.xilian.core.alert.ScanReport;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.testkit.Chromium;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision loop in Chromium on the local run: 灌云县 reports on task 2.5; 市发改委 sends it back with a
 * reason from the task page; the unit is emailed at once (outbox) and sees the reason; it reports again; the
 * coordinator accepts; the unit requests an extension and the coordinator approves it. The daily alert scan, run
 * "as of" a day before and after the approval, follows the new date: the lead alert already raised for the plan's
 * date stays, the new date's lead alert is raised once. Evidence: an empty and a disguised file are refused with
 * nothing stored, a photo and a PDF are attached and listed under their Chinese names. Screenshots on desktop and
 * phone width.
 */
class SupervisionBrowserTest {

    private static final String TASK = "2.5";
    private static final String UNIT = "guanyun";
    private static final String UNIT_MAIL = "guanyun@lyg.example.cn";

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("supervision-browser", Map.of(
            "xilian.contacts.units." + UNIT, List.of(UNIT_MAIL), "xilian.alerts.quiet-days", false));

    static String signInLink(String marker) throws Exception {
        return run.local.signInLink(marker);
    }

    private void signIn(String marker) throws Exception {
        WebDriver browser = run.chromium.driver();
        browser.get(signInLink(marker));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // Waiting by URL: the confirmation page's node can vanish while a staleness check still looks at it.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> !d.getCurrentUrl().contains("/login"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        Axe.check(run.chromium, "home after signing in as " + marker);
    }

    private void report(String percent, String progress) {
        WebDriver browser = run.chromium.driver();
        browser.get(run.base + "/tasks/" + TASK);
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("推进中");
        retype("percent", percent);
        retype("progress", progress);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/tasks/" + TASK + "'] button[type=submit]"));
        assertThat(browser.getPageSource()).contains("已保存");
        Axe.check(run.chromium, "confirmation");
    }

    private void retype(String id, String text) {
        run.chromium.driver().findElement(By.id(id)).clear();
        run.chromium.driver().findElement(By.id(id)).sendKeys(text);
    }

    private TaskUnitState state() {
        return run.server.getApplicationContext().getBean(ProgressRepository.class).statesOfTask(2026, TASK).stream()
                .filter(s -> s.unitId().equals(UNIT)).findFirst().orElseThrow();
    }

    @Test
    void reportSendBackReportAgainAcceptRequestAndApproveAnExtension() throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(1280, 2400);

        // 1. The unit reports, then attaches a photo and a PDF from the task page (hostile files first: refused,
        // nothing stored).
        signIn("(" + UNIT + ")");
        report("30", "完成园区道路规划");
        Path files = Files.createTempDirectory("evidence-");
        Path empty = Files.write(files.resolve("空白说明.pdf"), new byte[0]);
        Path fake = Files.write(files.resolve("伪装照片.jpg"), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        Path photo = Files.write(files.resolve("道路施工现场照片.jpg"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1});
        Path pdf = Files.write(files.resolve("规划批复（盖章）.pdf"),
                "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.get(run.base + "/tasks/" + TASK);
        browser.findElement(By.id("evidence-files")).sendKeys(empty + "\n" + fake);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.evidence-form button[type=submit]"));
        assertThat(navigationStatus(browser)).isEqualTo(422L);
        assertThat(browser.getPageSource()).contains("是空文件");
        Axe.check(run.chromium, "evidence refused");
        assertThat(evidenceOnDisk()).as("nothing stored").isEmpty();

        browser.get(run.base + "/tasks/" + TASK);
        browser.findElement(By.id("evidence-files")).sendKeys(photo + "\n" + pdf);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.evidence-form button[type=submit]"));
        assertThat(browser.getPageSource()).contains("佐证材料（2个）").contains("道路施工现场照片.jpg")
                .contains("规划批复（盖章）.pdf");
        assertThat(evidenceOnDisk()).hasSize(2).allSatisfy(f -> assertThat(f.toString()).doesNotContain("照片", "批复"));
        run.chromium.screenshot("supervision-evidence-desktop.png");
        Axe.check(run.chromium, "task page with evidence");
        // The pair's state lists them (ledger column 佐证材料, board).
        assertThat(state().evidence()).containsExactly("道路施工现场照片.jpg", "规划批复（盖章）.pdf");

        // 2. The coordinator sends it back with a reason from the task page.
        signIn("市发改委");
        browser.get(run.base + "/tasks/" + TASK);
        assertThat(browser.getPageSource()).contains("最新填报待审核");
        browser.findElement(By.id("reason-" + UNIT)).sendKeys("缺少佐证材料，请补充现场照片");
        run.chromium.screenshot("supervision-review-desktop.png");
        Axe.check(run.chromium, "task page, review");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + UNIT + " button[value=RETURNED]"));
        assertThat(browser.getCurrentUrl()).contains("/tasks/" + TASK);
        assertThat(browser.getPageSource()).contains("最新填报已退回").contains("缺少佐证材料，请补充现场照片");
        Axe.check(run.chromium, "task page, returned");
        assertThat(state().returned()).isTrue();

        // The unit is emailed at once: one message to its contact, with the reason and the task's link.
        MimeMessage notice = awaitMail(m -> m.contains("returned-2026-" + TASK + "-" + UNIT));
        assertThat(notice.getSubject()).contains("退回").contains(TASK);
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo(UNIT_MAIL);
        String text = ((MimeMultipart) notice.getContent()).getBodyPart(0).getContent().toString();
        assertThat(text).contains("缺少佐证材料，请补充现场照片").contains(run.base + "/tasks/" + TASK);

        // 3. The unit sees the reason on its task page and reports again (phone width).
        signIn("(" + UNIT + ")");
        run.chromium.resize(390, 2400);
        browser.get(run.base + "/tasks/" + TASK);
        assertThat(browser.getPageSource()).contains("本单位最新填报已被退回").contains("缺少佐证材料，请补充现场照片");
        run.chromium.screenshot("supervision-returned-phone.png");
        Axe.check(run.chromium, "task page, returned, phone");
        report("40", "补充园区道路施工现场照片3张");
        assertThat(state().returned()).isFalse();
        assertThat(state().evidence()).as("the returned report's files, ticked by default, carried over")
                .containsExactlyInAnyOrder("道路施工现场照片.jpg", "规划批复（盖章）.pdf");
        run.chromium.resize(1280, 2400);

        // 4. The coordinator accepts.
        signIn("市发改委");
        browser.get(run.base + "/tasks/" + TASK);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + UNIT + " button[value=ACCEPTED]"));
        assertThat(browser.getPageSource()).contains("最新填报已通过");
        Axe.check(run.chromium, "task page, accepted");
        assertThat(state().review().decision().label()).isEqualTo("通过");

        // 5. The unit requests an extension; before the approval the plan's date drives the alerts.
        signIn("(" + UNIT + ")");
        browser.get(run.base + "/tasks/" + TASK);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('ext-date').value='2027-02-28'");
        browser.findElement(By.id("ext-reason")).sendKeys("园区用地报批延迟，申请延期");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.extension-form button[type=submit]"));
        assertThat(browser.getPageSource()).contains("待审批").contains("园区用地报批延迟");
        assertThat(browser.findElements(By.cssSelector("form.extension-form"))).as("one pending request").isEmpty();
        Axe.check(run.chromium, "task page, extension pending");

        RunAlertScan scan = run.server.getApplicationContext().getBean(RunAlertScan.class);
        scan.run(2026, LocalDate.of(2026, 12, 24));
        assertThat(alert("APPROACHING", "lead-7")).as("lead-7 of the plan's date").isPresent();

        // The coordinator approves another date with a note.
        signIn("市发改委");
        browser.get(run.base + "/tasks/" + TASK);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('grant-" + UNIT + "').value='2027-01-31'");
        browser.findElement(By.id("note-" + UNIT)).sendKeys("同意延至2027年1月底");
        run.chromium.screenshot("supervision-extension-desktop.png");
        Axe.checkAt(run.chromium, "supervision-extension");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + UNIT + " button[value=approve]"));
        assertThat(browser.getPageSource()).contains("原定12月31日，经批准延期至2027年1月31日");
        assertThat(state().extendedDeadline()).isEqualTo(LocalDate.of(2027, 1, 31));
        run.chromium.screenshot("supervision-approved-desktop.png");
        Axe.check(run.chromium, "task page, approved");

        // 6. Alerts follow the new date: the old lead alert stays; nothing overdue on 1 January; the new date's
        // lead alert is raised once.
        scan.run(2026, LocalDate.of(2027, 1, 1));
        assertThat(alert("OVERDUE", "overdue-1")).as("not overdue after the approval").isEmpty();
        ScanReport first = scan.run(2026, LocalDate.of(2027, 1, 24));
        assertThat(first.newlyRecorded()).isPositive();
        assertThat(alert("APPROACHING", "extended-2027-01-31-lead-7")).isPresent();
        assertThat(alert("APPROACHING", "lead-7")).as("sent before, stays").isPresent();
        assertThat(scan.run(2026, LocalDate.of(2027, 1, 24)).newlyRecorded()).as("raised once").isZero();

        // The unit's page on a phone shows both dates.
        signIn("(" + UNIT + ")");
        run.chromium.resize(390, 2400);
        browser.get(run.base + "/tasks/" + TASK);
        assertThat(browser.getPageSource()).contains("原定12月31日，经批准延期至2027年1月31日").contains("同意延至2027年1月底");
        run.chromium.screenshot("supervision-approved-phone.png");
        Axe.check(run.chromium, "task page, approved, phone");
    }

    private static List<Path> evidenceOnDisk() throws java.io.IOException {
        Path root = run.data.resolve("evidence");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    static Object navigationStatus(WebDriver browser) {
        return ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    private static Optional<Map<String, AttributeValue>> alert(String rule, String occurrence) {
        DynamoDbClient client = run.server.getApplicationContext().getBean(DynamoDbClient.class);
        String table = run.server.getApplicationContext().getBean(DynamoDbSettings.class).tableName();
        var item = client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(Keys.alertPk(2026)),
                "sk", AttributeValue.fromS(Keys.alertSk(TASK, UNIT, rule, occurrence)))));
        return item.hasItem() && !item.item().isEmpty() ? Optional.of(item.item()) : Optional.empty();
    }

    /** The outbox message whose raw text matches, waited for (the notice is sent on a worker thread). */
    private static MimeMessage awaitMail(java.util.function.Predicate<String> raw) throws Exception {
        Path outbox = run.data.resolve("outbox");
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path f : files.toList()) {
                        String content = Files.readString(f, StandardCharsets.ISO_8859_1);
                        if (raw.test(content)) {
                            try (InputStream in = Files.newInputStream(f)) {
                                return new MimeMessage(Session.getInstance(new Properties()), in);
                            }
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching email in " + outbox);
    }
}
