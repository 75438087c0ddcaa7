package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.calendar.MissingCalendar;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.SummaryMailRenderer.Attachment;
import cn.lyg.xilian.core.report.SummaryMailRenderer.Envelope;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.supervision.ReturnNotice;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.testkit.Chromium;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of email's HTML part, as it leaves in the MIME message, opened in Chromium on a 390 px phone and on a
 * 1366 px desktop: axe-core (npm, infra/local) finds no violation of any impact, nothing is wider than the phone's
 * screen, and screenshots are kept under target/screenshots/ to look at.
 */
class EmailHtmlBrowserTest {

    private static final Path AXE = Path.of(System.getProperty("xilian.root", "../.."),
            "infra/local/node_modules/axe-core/axe.min.js");
    private static final Path PAGES = Path.of("target", "emails");

    private static Chromium chromium;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        assertThat(AXE).as("axe-core: run `source infra/bin/lib.sh && ensure_node_packages`").exists();
        axe = Files.readString(AXE);
        Files.createDirectories(PAGES);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    static Stream<Map.Entry<String, OutgoingEmail>> emails() {
        MimeAlertMailRenderer alerts = new MimeAlertMailRenderer(Digests.SETTINGS, Digests.CLOCK);
        HtmlSummaryMailRenderer weekly = new HtmlSummaryMailRenderer(Digests.SETTINGS, Digests.CLOCK);
        WeeklySummary summary = Weeklies.everySection();
        Envelope envelope = new Envelope(List.of("fgw@example.cn"), "weekly-2026-W47@xilian.example.cn",
                new Attachment("台账.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[]{1}));
        Submission report = SubmissionBuilder.submission("3.1.1", "ganyu").key("k1").status(ProgressStatus.BLOCKED, 55)
                .progress("签约推迟").reporter("张三").at(Instant.parse("2026-11-18T02:00:00Z")).build();
        ReturnNotice returned = new ReturnNotice(new Review(2026, "3.1.1", "ganyu", "k1", ReviewDecision.RETURNED,
                "请补充签约项目清单，\n并附佐证材料。", "r1", Instant.parse("2026-11-19T02:00:00Z")), report,
                "推动两市产业链供应链深度对接，共建无锡—连云港产业合作园区", "赣榆区", List.of("ganyu@example.cn"));
        return Stream.of(
                Map.entry("alert-unit", alerts.render(Digests.sample())),
                Map.entry("alert-coordinators", alerts.render(Digests.coordinatorsEveryPair(40, 6))),
                Map.entry("alert-coordinators-short", alerts.render(AlertDigest.of(Audience.COORDINATORS, "市发改委",
                        List.of("fgw@example.cn"), LocalDate.of(2026, 12, 1), Digests.sample().lines()))),
                Map.entry("summary", weekly.coordinatorsSummary(summary, envelope)),
                Map.entry("digest", weekly.unitDigest(summary.unitDigests().getFirst(), envelope)),
                Map.entry("return", new MimeReturnMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(returned)),
                Map.entry("signin", new MimeSignInLinkMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(
                        new cn.lyg.xilian.core.access.SignInLinkNotice("req1", "赣榆区", "A".repeat(43), "/tasks/3.1.1",
                                Instant.parse("2026-12-19T02:00:00Z"), List.of("ganyu@example.cn")))),
                Map.entry("instruction", new MimeSupervisionMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(
                        new cn.lyg.xilian.core.supervision.SupervisionNotice.Instructed(
                                new cn.lyg.xilian.core.supervision.Instruction(2026, "3.1.1", null, "note-key-1",
                                        "请于本月底前报送签约项目清单，\n并附佐证材料。", Instant.parse("2026-11-19T02:00:00Z")),
                                "ganyu", "推动两市产业链供应链深度对接，共建无锡—连云港产业合作园区", "赣榆区",
                                List.of("ganyu@example.cn")))),
                Map.entry("extension", new MimeSupervisionMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(
                        new cn.lyg.xilian.core.supervision.SupervisionNotice.Decided(
                                new cn.lyg.xilian.core.supervision.Extension(2026, "3.1.1", "ganyu", "ext-key-1",
                                        LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 31), "需省级批复",
                                        Instant.parse("2026-11-19T02:00:00Z"),
                                        cn.lyg.xilian.core.supervision.Extension.Decision.APPROVED,
                                        LocalDate.of(2027, 3, 31), "同意延期", Instant.parse("2026-11-20T02:00:00Z")),
                                "推动两市产业链供应链深度对接，共建无锡—连云港产业合作园区", "赣榆区",
                                List.of("ganyu@example.cn")))),
                Map.entry("calendar", new MimeMissingCalendarMailRenderer(Digests.SETTINGS, Digests.CLOCK)
                        .render(new MissingCalendar(2027, true), List.of("ops@example.cn"), "calendar-2027@xilian.example.cn")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emails")
    void readsOnAPhoneAndADesktopWithoutAccessibilityViolations(Map.Entry<String, OutgoingEmail> email) throws Exception {
        String name = email.getKey();
        Path page = PAGES.resolve(name + ".html").toAbsolutePath();
        Files.writeString(page, html(MimeAlertMailRendererTest.parse(email.getValue().mime())), StandardCharsets.UTF_8);

        for (int width : new int[]{390, 1366}) {
            ChromeDriver driver = (ChromeDriver) chromium.driver();
            // As the phone shows it: the viewport meta applies (mobile), CSS pixels at scale 1.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                    "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
            driver.get(page.toUri().toString());
            JavascriptExecutor js = driver;

            assertThat(js.executeScript("return document.documentElement.lang")).isEqualTo("zh-CN");
            assertThat((String) js.executeScript("return document.title")).isNotBlank();
            long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("%s at %d px: nothing wider than the screen", name, width).isLessThanOrEqualTo(width);

            js.executeScript(axe);
            Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document).then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                    + " + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))));");
            assertThat((List<?>) violations).as("axe-core on %s at %d px", name, width).isEmpty();

            chromium.screenshot("email-" + name + "-" + width + ".png");
        }
    }

    /** The text/html part, decoded. */
    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }
}
