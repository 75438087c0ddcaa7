package cn.lyg.xilian.local;

import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.audit.AuditAction;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 单位与账号管理 in Chromium on the local run: a coordinator opens it from the navigation, adds a contact to 灌云县 and
 * sends the unit its link; the email goes to the registered addresses only; the unit signs in from that email's link;
 * the coordinator revokes that link and the unit's open session ends at its next request (the sign-in page). axe-core
 * finds nothing on any admin page at a phone's and a desk's width; 操作留痕 lists each action of the test once and its
 * .xlsx opens.
 */
class AdminBrowserTest {

    private static final String UNIT = "guanyun";
    private static final String UNIT_MAIL = "guanyun@lyg.example.cn";
    private static final String NEW_MAIL = "liaison.guanyun@lyg.example.cn";
    private static final Pattern SIGN_IN_LINK = Pattern.compile("(https?://\\S+/login\\?token=([A-Za-z0-9_-]{43}))");

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("admin-browser", Map.of(
            "xilian.contacts.units." + UNIT, List.of(UNIT_MAIL)));

    @Test
    void aCoordinatorAddsAContactSendsTheLinkAndRevokesItAndTheUnitsSessionEnds() throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(1366, 900);
        run.signIn("市发改委");
        browser.get(run.base + "/inbox");
        run.chromium.clickAndWaitForNewPage(By.id("nav-admin"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("单位与账号管理");
        assertThat(browser.findElement(By.cssSelector("#unit-" + UNIT + " .contacts")).getText()).contains(UNIT_MAIL);
        Axe.checkAt(run.chromium, "admin-units");

        run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + UNIT + " a"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("灌云县");
        Axe.checkAt(run.chromium, "admin-unit");
        browser.findElement(By.id("unit-contacts")).sendKeys("\nnot-an-email");
        run.chromium.clickAndWaitForNewPage(By.id("save"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("“not-an-email”不是有效的邮箱地址");
        assertThat(browser.findElement(By.id("unit-contacts")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("unit-contacts")).getDomProperty("value"))
                .isEqualTo(UNIT_MAIL + "\nnot-an-email");
        Axe.checkAt(run.chromium, "admin-unit-invalid");
        browser.findElement(By.id("unit-contacts")).clear();
        browser.findElement(By.id("unit-contacts")).sendKeys(UNIT_MAIL + "\n" + NEW_MAIL);
        run.chromium.clickAndWaitForNewPage(By.id("save"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已保存");
        assertThat(browser.findElement(By.id("unit-contacts")).getDomProperty("value"))
                .isEqualTo(UNIT_MAIL + "\n" + NEW_MAIL);

        run.chromium.clickAndWaitForNewPage(By.id("send-link"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("登录链接已发送");
        MimeMessage mail = awaitLinkMail(NEW_MAIL);
        Set<String> to = Arrays.stream(mail.getAllRecipients()).map(Address::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(to).as("the registered addresses only").containsExactlyInAnyOrder(UNIT_MAIL, NEW_MAIL);
        Matcher link = SIGN_IN_LINK.matcher(Outbox.to(run.data, NEW_MAIL, "text/plain").getLast());
        assertThat(link.find()).isTrue();
        String prefix = Tokens.sha256Hex(link.group(2)).substring(0, 8);
        Cookie coordinator = session(browser);
        browser.get(run.base + "/admin/units");
        assertThat(browser.findElement(By.cssSelector("#unit-" + UNIT + " .link-sent")).getText())
                .contains(UNIT_MAIL).contains(NEW_MAIL);

        // The unit signs in from the email's link (another browser: the coordinator's session is put aside).
        browser.manage().deleteAllCookies();
        browser.get(link.group(1));
        assertThat(browser.findElement(By.id("target")).getText()).isEqualTo("灌云县");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/");
        Cookie unit = session(browser);

        // The coordinator sees the sign-in, then revokes that link on the unit's page.
        use(browser, coordinator);
        browser.get(run.base + "/admin/units");
        assertThat(browser.findElement(By.cssSelector("#unit-" + UNIT + " .last-sign-in")).getText())
                .contains(java.time.LocalDate.now(cn.lyg.xilian.core.PlanTime.ZONE).toString());
        browser.get(run.base + "/admin/units/" + UNIT);
        assertThat(browser.findElement(By.id("live-links")).getText()).contains(prefix);
        run.chromium.clickAndWaitForNewPage(By.xpath("//li[contains(@class,'live-link')][code='" + prefix
                + "']//button"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("链接已撤销");
        assertThat(browser.findElement(By.id("live-links")).getText()).doesNotContain(prefix);

        // The unit's open session ends at its next request: the sign-in page.
        use(browser, unit);
        browser.get(run.base + "/");
        assertThat(browser.findElements(By.cssSelector("form[action='/signin/email']"))).isNotEmpty();
        assertThat(browser.getPageSource()).doesNotContain("我的任务</h1>");

        use(browser, coordinator);
        browser.get(run.base + "/admin/units/" + UNIT);
        run.chromium.clickAndWaitForNewPage(By.id("issue-link"));
        assertThat(browser.findElement(By.id("issued-link")).getDomProperty("value")).startsWith(run.base + "/login?token=");
        assertThat(browser.getPageSource()).contains("此链接只显示这一次");
        Axe.checkAt(run.chromium, "admin-link-issued");

        // A second coordinator: an address that is not one is refused in place; then added, and sent their link.
        browser.get(run.base + "/admin/coordinators");
        browser.findElement(By.id("coordinator-name")).sendKeys("王芳");
        browser.findElement(By.id("coordinator-email")).sendKeys("wangfang");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('coordinator-form').noValidate = true"); // the server's check, not the browser's
        run.chromium.clickAndWaitForNewPage(By.id("add-coordinator"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("请填写有效的邮箱地址");
        assertThat(browser.findElement(By.id("coordinator-name")).getDomProperty("value")).isEqualTo("王芳");
        Axe.checkAt(run.chromium, "admin-coordinators-invalid");
        browser.findElement(By.id("coordinator-email")).clear();
        browser.findElement(By.id("coordinator-email")).sendKeys("wangfang@lyg.example.cn");
        run.chromium.clickAndWaitForNewPage(By.id("add-coordinator"));
        assertThat(browser.findElement(By.cssSelector("tr.just-added")).getText()).contains("王芳").contains("已添加");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("tr.just-added button.send-link"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("登录链接已发送");
        assertThat(awaitLinkMail("wangfang@lyg.example.cn").getAllRecipients()).extracting(Address::toString)
                .containsExactly("wangfang@lyg.example.cn");

        for (Map.Entry<String, String> page : Map.of("/admin/units/new", "新增单位", "/admin/coordinators", "统筹人员",
                "/admin/audit", "操作留痕").entrySet()) {
            browser.get(run.base + page.getKey());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(page.getValue());
            Axe.checkAt(run.chromium, "admin" + page.getKey().replace('/', '-'));
        }

        // 操作留痕: each action of this test once, with the browser's address and agent; the .xlsx opens.
        browser.get(run.base + "/admin/audit?target=unit:" + UNIT);
        Map<String, Long> actions = browser.findElements(By.cssSelector("tr.entry")).stream()
                .collect(Collectors.groupingBy(e -> e.getDomAttribute("data-action"), Collectors.counting()));
        assertThat(actions).containsExactlyInAnyOrderEntriesOf(Map.of(AuditAction.UNIT_EDITED.name(), 1L,
                AuditAction.LINK_SENT.name(), 1L, AuditAction.LINK_REVOKED.name(), 1L,
                AuditAction.LINK_ISSUED.name(), 1L));
        assertThat(browser.findElement(By.id("entries")).getText()).contains("修改单位信息与联系人")
                .contains(NEW_MAIL).contains("127.0.0.1").contains("Mozilla/5.0");
        String href = browser.findElement(By.id("export")).getDomAttribute("href");
        HttpResponse<InputStream> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(run.base + href))
                .header("Cookie", coordinator.getName() + "=" + coordinator.getValue()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.body())) {
            var sheet = workbook.getSheet("操作留痕");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("操作");
            assertThat(sheet.getLastRowNum()).isEqualTo(actions.values().stream().mapToInt(Long::intValue).sum());
            List<String> labels = Stream.iterate(1, r -> r <= sheet.getLastRowNum(), r -> r + 1)
                    .map(r -> sheet.getRow(r).getCell(3).getStringCellValue()).toList();
            assertThat(labels).contains("修改单位信息与联系人", "撤销登录链接");
        }
        browser.get(run.base + "/admin/audit?action=COORDINATOR_ADDED");
        // The local run's first coordinator is on record too (bootstrap); 王芳 once.
        assertThat(browser.findElements(By.cssSelector("tr.entry"))).filteredOn(e -> e.getText().contains("王芳"))
                .singleElement().satisfies(e -> assertThat(e.getText()).contains("wangfang@lyg.example.cn"));
    }

    private static Cookie session(WebDriver browser) {
        return browser.manage().getCookies().stream().filter(c -> c.getName().endsWith("xilian_session")).findFirst()
                .orElseThrow();
    }

    private static void use(WebDriver browser, Cookie session) {
        browser.get(run.base + "/catalog");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(session);
    }

    /** The newest outbox message to {@code address} with a sign-in link (bounded wait). */
    private static MimeMessage awaitLinkMail(String address) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Path outbox = run.data.resolve("outbox");
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path f : files.sorted().toList().reversed()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                            if (m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                                    .anyMatch(a -> a.toString().equals(address))) {
                                return m;
                            }
                        }
                    }
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no mail to " + address + " in the outbox");
            }
            Thread.sleep(100);
        }
    }
}
