package cn.lyg.xilian.local;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.web.PlanCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 in Chromium on the local run, on a phone (390x844) and a desktop (1366x900). A unit signed out follows
 * the link of its task (as in a 退回 email): it sees the Chinese sign-in page saying whose page it is, asks for a
 * link by email, reads it from the outbox, follows it and lands on the task page. Then 督办意见 and an extension's
 * decision: each gives one email to the unit and a flag on 我的任务, gone once the task page was opened. And the
 * whole 退回 loop: from the 退回 email's link, signed out, to a revision with the returned report's files.
 */
class SignInLinkBrowserTest {

    private static final String TASK = "2.1";
    private static final String UNIT = "guanyun";
    private static final String UNIT_MAIL = "guanyun@lyg.example.cn";
    /** The 退回 loop's unit: its own link-request limits (3 an hour per unit), apart from the other tests'. */
    private static final String LOOP_UNIT = "guannan";
    private static final String LOOP_MAIL = "guannan@lyg.example.cn";
    private static final Pattern SIGN_IN_LINK = Pattern.compile("(https?://\\S+/login\\?token=[A-Za-z0-9_-]{43}\\S*)");

    @RegisterExtension
    static final BrowserRun run = new BrowserRun("signin-link-browser", Map.of(
            "xilian.contacts.units." + UNIT, List.of(UNIT_MAIL), "xilian.contacts.units." + LOOP_UNIT, List.of(LOOP_MAIL)));

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390,844,phone", "1366,900,desktop"})
    void aSignedOutUnitFollowsATaskLinkAsksForALinkByEmailAndLandsOnTheTask(int width, int height, String name)
            throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(width, height);
        browser.get(run.base + "/catalog");
        browser.manage().deleteAllCookies(); // signed out

        browser.get(run.base + "/tasks/" + TASK);
        String heading = browser.findElement(By.id("signin-heading")).getText();
        assertThat(heading).startsWith("任务 " + TASK).endsWith("的填报页面，需要登录");
        String visible = browser.findElement(By.tagName("body")).getText();
        assertThat(visible).contains("登录链接").contains("把登录链接发到本单位邮箱").doesNotContainPattern("[A-Z]+_[A-Z_]+")
                .doesNotContain("返回我的任务");
        run.chromium.screenshot("signin-needed-" + name + ".png");
        assertAccessible("the sign-in page at " + name);

        int before = mailsTo(UNIT_MAIL, m -> m.contains("/login?token=")).size();
        new Select(browser.findElement(By.id("unit"))).selectByValue(UNIT);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/signin/email'] button[type=submit]"));
        assertThat(browser.findElement(By.id("sent")).getText()).contains("请查收邮件");
        run.chromium.screenshot("signin-sent-" + name + ".png");

        String mail = awaitMail(UNIT_MAIL, m -> m.contains("/login?token="), before);
        assertThat(mail).contains("登录链接").contains("任务" + TASK + "的填报页面");
        Matcher link = SIGN_IN_LINK.matcher(mail);
        assertThat(link.find()).isTrue();
        String url = link.group(1);
        assertThat(url).as("absolute, on the configured base URL").startsWith(run.base + "/login?token=");

        browser.get(url);
        assertThat(browser.findElement(By.id("target")).getText()).isEqualTo("灌云县");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/tasks/" + TASK);
        assertThat(browser.getPageSource()).doesNotContain("signin-heading");
        run.chromium.screenshot("signin-landed-" + name + ".png");
    }

    /**
     * Loop (c): the unit reports with two files; the coordinator returns the report; the unit, signed out, follows
     * the 退回 email's link, gets a fresh link by email, signs in, lands on the task, finds the returned report's
     * texts and figures in the form and its files ticked, and resubmits: the new report has both files.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390,844,phone,0", "1366,900,desktop,1"})
    void aReturnedReportIsRevisedFromItsEmailLinkAfterSigningInByEmail(int width, int height, String name, int pick)
            throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(width, height);
        String task = run.server.getApplicationContext().getBean(PlanCache.class).plan().tasksFor(LOOP_UNIT).stream()
                .map(cn.lyg.xilian.core.catalog.PlanTask::id).toList().get(pick);
        Path dir = Files.createTempDirectory("returned-loop-");
        byte[] jpeg = new byte[1024 * 1024];
        new java.util.Random(7).nextBytes(jpeg);
        System.arraycopy(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1},
                0, jpeg, 0, 12);
        Path photo = Files.write(dir.resolve("现场照片.jpg"), jpeg);
        Path pdf = Files.write(dir.resolve("立项批复.pdf"), "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        run.signIn("(" + LOOP_UNIT + ")");
        browser.get(run.base + "/tasks/" + task);
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("推进中");
        browser.findElement(By.id("percent")).clear();
        browser.findElement(By.id("percent")).sendKeys("30");
        browser.findElement(By.id("progress")).sendKeys("已完成项目选址 " + name);
        browser.findElement(By.id("problems")).sendKeys("用地指标紧张");
        browser.findElement(By.id("nextSteps")).sendKeys("月底前完成立项");
        browser.findElement(By.id("report-files")).sendKeys(photo + "\n" + pdf);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.report-form button[type=submit]"));
        assertThat(browser.getPageSource()).contains("已保存").contains("现场照片.jpg").contains("立项批复.pdf");

        run.signIn("市发改委");
        browser.get(run.base + "/tasks/" + task);
        browser.findElement(By.id("reason-" + LOOP_UNIT)).sendKeys("请补充立项批复的盖章页");
        int returnedBefore = mailsTo(LOOP_MAIL, m -> m.contains("退回") && m.contains("/tasks/" + task)).size();
        run.chromium.clickAndWaitForNewPage(By.cssSelector("#unit-" + LOOP_UNIT + " button[value=RETURNED]"));
        String returned = awaitMail(LOOP_MAIL, m -> m.contains("退回") && m.contains("/tasks/" + task), returnedBefore);
        Matcher taskLink = Pattern.compile("(https?://\\S+/tasks/" + Pattern.quote(task) + ")(?![\\w.])").matcher(returned);
        assertThat(taskLink.find()).as(returned).isTrue();

        // Signed out, the 退回 email's link: the sign-in page, a link by email, the task.
        browser.manage().deleteAllCookies();
        browser.get(taskLink.group(1));
        assertThat(browser.findElement(By.id("signin-heading")).getText()).startsWith("任务 " + task);
        int linksBefore = mailsTo(LOOP_MAIL, m -> m.contains("/login?token=")).size();
        new Select(browser.findElement(By.id("unit"))).selectByValue(LOOP_UNIT);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/signin/email'] button[type=submit]"));
        Matcher signInLink = SIGN_IN_LINK.matcher(awaitMail(LOOP_MAIL, m -> m.contains("/login?token="), linksBefore));
        assertThat(signInLink.find()).isTrue();
        browser.get(signInLink.group(1));
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/tasks/" + task);

        // The form starts from the returned report, its files ticked; the revision keeps them.
        assertThat(browser.findElement(By.cssSelector("form.report-form h2")).getText()).contains("修改后重新填报");
        assertThat(browser.findElement(By.id("progress")).getDomProperty("value")).isEqualTo("已完成项目选址 " + name);
        assertThat(browser.findElement(By.id("problems")).getDomProperty("value")).isEqualTo("用地指标紧张");
        assertThat(browser.findElement(By.id("nextSteps")).getDomProperty("value")).isEqualTo("月底前完成立项");
        assertThat(browser.findElement(By.id("percent")).getDomProperty("value")).isEqualTo("30");
        List<WebElement> carried = browser.findElements(By.cssSelector(".carry-files input[type=checkbox]"));
        assertThat(carried).hasSize(2).allMatch(WebElement::isSelected);
        assertAccessible("the revision form at " + name);
        run.chromium.screenshot("returned-revision-" + name + ".png");
        browser.findElement(By.id("progress")).sendKeys("，已补充盖章页");
        browser.findElement(By.id("percent")).clear();
        browser.findElement(By.id("percent")).sendKeys("35");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.report-form button[type=submit]"));
        assertThat(browser.getPageSource()).contains("已保存").contains("现场照片.jpg").contains("立项批复.pdf");
        var state = run.server.getApplicationContext().getBean(cn.lyg.xilian.core.progress.ProgressRepository.class)
                .statesOfTask(2026, task).stream().filter(st -> st.unitId().equals(LOOP_UNIT)).findFirst().orElseThrow();
        assertThat(state.returned()).isFalse();
        assertThat(state.latest().percent()).isEqualTo(35);
        assertThat(state.latest().progress()).isEqualTo("已完成项目选址 " + name + "，已补充盖章页");
        assertThat(state.evidence()).containsExactlyInAnyOrder("现场照片.jpg", "立项批复.pdf");
        run.chromium.screenshot("returned-resubmitted-" + name + ".png");
    }

    @Test
    void aStrangeNextIsNotFollowed() throws Exception {
        WebDriver browser = run.chromium.driver();
        browser.get(run.base + "/catalog");
        browser.manage().deleteAllCookies();
        browser.get(run.local.signInLink("(" + UNIT + ")") + "&next=%2F%2Fevil.example%2F");
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form[action='/login'] button[type=submit]"));
        URI landed = URI.create(browser.getCurrentUrl());
        assertThat(landed.getHost()).isEqualTo("localhost");
        assertThat(landed.getPath()).isEqualTo("/");
    }

    @Test
    void anInstructionAndAnExtensionDecisionAreMailedOnceAndFlaggedOnMyTasks() throws Exception {
        WebDriver browser = run.chromium.driver();
        run.chromium.resize(1366, 900);
        String text = "请补充园区共建协议的佐证材料 " + UUID.randomUUID().toString().substring(0, 8);

        run.signIn("市发改委");
        browser.get(run.base + "/tasks/" + TASK);
        new Select(browser.findElement(By.id("instruct-unit"))).selectByValue(UNIT);
        browser.findElement(By.id("instruct-text")).sendKeys(text);
        run.chromium.clickAndWaitForNewPage(By.cssSelector("form.instruct-form button[type=submit]"));

        // The extension: asked by the unit and approved, through the use case the forms call.
        Supervise supervise = run.server.getApplicationContext().getBean(Supervise.class);
        var plan = run.server.getApplicationContext().getBean(PlanCache.class).plan();
        assertThat(supervise.requestExtension(plan, new Principal(Role.UNIT, UNIT, "test"), TASK, "2027-03-31",
                "需等待省级批复", "browser-extension-1")).isInstanceOf(Outcome.Done.class);
        assertThat(supervise.decideExtension(plan, new Principal(Role.COORDINATOR, null, "test"), TASK, UNIT,
                "browser-extension-1", true, null, "同意延期")).isInstanceOf(Outcome.Done.class);

        String instructionMail = awaitMail(UNIT_MAIL, m -> m.contains(text), 0);
        assertThat(instructionMail).contains("督办意见").contains(run.base + "/tasks/" + TASK);
        String decisionMail = awaitMail(UNIT_MAIL, m -> m.contains("延期申请已获批准"), 0);
        assertThat(decisionMail).contains("2027年3月31日").contains(run.base + "/tasks/" + TASK);

        run.chromium.resize(390, 844);
        run.signIn("(" + UNIT + ")");
        browser.get(run.base + "/");
        WebElement row = browser.findElement(By.id("task-" + TASK));
        assertThat(row.getText()).contains("新督办意见：").contains("延期申请已批准");
        assertThat(browser.findElement(By.id("attention")).getText()).contains("1 项任务");
        WebElement button = row.findElement(By.cssSelector("a.report"));
        assertThat(button.getSize().getHeight()).as("tap target").isGreaterThanOrEqualTo(44);
        assertThat(button.getSize().getWidth()).isGreaterThanOrEqualTo(200);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", row);
        run.chromium.screenshot("mytasks-flags-phone.png");
        assertAccessible("我的任务 with flags on a phone");
        run.chromium.resize(1366, 900);
        run.chromium.screenshot("mytasks-flags-desktop.png");

        browser.get(run.base + "/tasks/" + TASK); // seen
        browser.get(run.base + "/");
        assertThat(browser.findElement(By.id("task-" + TASK)).getText()).doesNotContain("新督办意见")
                .doesNotContain("延期申请已批准");

        // Exactly once each, a second stream record or not.
        assertThat(mailsTo(UNIT_MAIL, m -> m.contains(text))).hasSize(1);
        assertThat(mailsTo(UNIT_MAIL, m -> m.contains("延期申请已获批准"))).hasSize(1);
    }

    /** axe-core (npm, infra/local) finds no violation of any impact on the current page, nothing wider than the window. */
    private static void assertAccessible(String what) {
        var js = (org.openqa.selenium.JavascriptExecutor) run.chromium.driver();
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth"))
                .as("%s: nothing wider than the window", what)
                .isLessThanOrEqualTo((Long) js.executeScript("return window.innerWidth"));
        Axe.check(run.chromium, what);
    }

    /** Waits (bounded) until more than {@code before} mails to the address match; the newest match. */
    private static String awaitMail(String address, Predicate<String> match, int before) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<String> found = mailsTo(address, match);
            if (found.size() > before) {
                return found.get(found.size() - 1);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no mail to " + address + " in the outbox");
            }
            Thread.sleep(100);
        }
    }

    /** Subject and decoded text parts of every outbox message to {@code address} that matches, oldest file first. */
    private static List<String> mailsTo(String address, Predicate<String> match) throws Exception {
        return Outbox.to(run.data, address, "text/plain").stream().filter(match).toList();
    }
}
