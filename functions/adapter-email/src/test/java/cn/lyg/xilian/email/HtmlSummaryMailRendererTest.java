package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.report.LedgerColumn;
import cn.lyg.xilian.core.report.SummaryMailRenderer.Attachment;
import cn.lyg.xilian.core.report.SummaryMailRenderer.Envelope;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.report.WeeklySummaryBuilder;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import cn.lyg.xilian.ledger.XlsxLedgerWriter;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSummaryMailRendererTest {

    /** Markup, a formula and a forged line, as a unit could type them into its report. */
    private static final String HOSTILE_PROGRESS = "<script>alert('x')</script> & \"引号\"\r\n伪造行：请点击 http://evil.example/";
    private static final String HOSTILE_PROBLEM = "=HYPERLINK(\"http://evil.example/\",\"点我\")";
    private static final ReportWeek W47 = new ReportWeek(LocalDate.of(2026, 11, 16));

    private final HtmlSummaryMailRenderer renderer = new HtmlSummaryMailRenderer(Digests.SETTINGS, Digests.CLOCK);
    private final XlsxLedgerWriter xlsx = new XlsxLedgerWriter();
    private final WeeklySummary summary = summary();

    private static WeeklySummary summary() {
        Plan plan = PlanBuilder.plan().title("无锡连云港南北结对帮扶合作2026年重点工作计划").issuedOn(LocalDate.of(2026, 6, 22))
                .sections(new Section("3.1", "深化产业领域帮扶合作", Field.INDUSTRY))
                .units(PlanBuilder.county("ganyu", "赣榆区"), PlanBuilder.county("donghai", "东海县<b>"))
                .task(TaskBuilder.task("3.1.1").section("3.1").title("共建产业园区<i>").text("全文").units("ganyu", "donghai")
                        .deadline(LocalDate.of(2026, 12, 10))
                        .target(new Target("t1", null, "签约项目", new BigDecimal("10"), "个", "不少于10个")))
                .build();
        Submission blocked = SubmissionBuilder.submission("3.1.1", "ganyu").key("k1").status(ProgressStatus.BLOCKED, 55)
                .figure("t1", "3").progress(HOSTILE_PROGRESS).problems(HOSTILE_PROBLEM).reporter("张三")
                .at(LocalDateTime.of(2026, 11, 18, 10, 0)).build();
        List<TaskUnitState> states = List.of(new TaskUnitState(2026, "3.1.1", "ganyu", blocked),
                new TaskUnitState(2026, "3.1.1", "donghai", null));
        return new WeeklySummaryBuilder().build(plan, W47, states, List.of(blocked), null,
                new AlertEvaluator().evaluate(plan, states, W47.sunday(), AlertSettings.defaults(),
                        WorkCalendar.fromClasspath()));
    }

    private Envelope envelope(String messageId, Ledger ledger) {
        return new Envelope(List.of("fgw@example.cn"), messageId, new Attachment(ledger.fileBaseName() + ".xlsx",
                xlsx.contentType(), xlsx.write(ledger)));
    }

    private OutgoingEmail coordinators() {
        return renderer.coordinatorsSummary(summary, envelope("weekly-2026-W47-coordinators-g0@xilian.example.cn",
                summary.ledger()));
    }

    @Test
    void theSummaryIsMixedWithAlternativeAndTheLedger() throws Exception {
        OutgoingEmail email = coordinators();
        MimeMessage message = MimeAlertMailRendererTest.parse(email.mime());

        assertThat(message.getSubject()).isEqualTo("【周报】2026年第47周 锡连帮扶合作进度（11月16日—11月22日）");
        assertThat(message.getMessageID()).isEqualTo("<weekly-2026-W47-coordinators-g0@xilian.example.cn>");
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("fgw@example.cn");

        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("锡连帮扶台账-2026-11-22.xlsx");
        assertThat(attachment.getContentType()).startsWith(XlsxLedgerWriter.CONTENT_TYPE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(attachment.getInputStream())) {
            Sheet sheet = workbook.getSheet("台账");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row ganyu = sheet.getRow(1);
            assertThat(ganyu.getCell(LedgerColumn.TASK_TITLE.ordinal()).getStringCellValue()).isEqualTo("共建产业园区<i>");
            assertThat(ganyu.getCell(LedgerColumn.UNIT_NAME.ordinal()).getStringCellValue()).isEqualTo("赣榆区");
            assertThat(ganyu.getCell(LedgerColumn.PERCENT.ordinal()).getNumericCellValue()).isEqualTo(55);
            assertThat(ganyu.getCell(LedgerColumn.TARGETS.ordinal()).getStringCellValue()).isEqualTo("签约项目：已报3个/目标10个");
        }
    }

    @Test
    void theHtmlHasTheSectionsBarsAndNothingActive() throws Exception {
        String html = (String) alternativeOf(coordinators()).getBodyPart(1).getContent();

        assertThat(html).contains("一、总体情况", "按期进度", "二、完成情况", "产业", "科技", "人力资源",
                "三、本周动态", "四、催报名单", "五、红灯事项", "六、30天内到期", "七、量化指标", "落后", "十、各单位排名");
        assertThat(html).containsPattern("<td[^>]*>1</td><td[^>]*>[^<]+</td><td[^>]*>\\d+\\.\\d</td>");
        // progress bar: 赣榆 55 %, 东海 0 % → section average 28 %
        assertThat(html).contains("width:28%;height:10px", "width:72%;height:10px");
        assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "src=", "javascript:", "<i>", "<b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;",
                "共建产业园区&lt;i&gt;", "东海县&lt;b&gt;", "=HYPERLINK(&quot;http://evil.example/&quot;");
        assertThat(html).contains("href=\"https://xilian.example.cn/tasks/3.1.1\"");
    }

    @Test
    void thePlainTextKeepsUserTextOnItsOwnLine() throws Exception {
        String text = (String) alternativeOf(coordinators()).getBodyPart(0).getContent();

        assertThat(text).contains("十、各单位排名").containsPattern("\n1\\. \\S+ \\d+\\.\\d分（按时填报\\d+/\\d+，");
        assertThat(text).contains("任务总数1项", "东海县<b>：3.1.1 共建产业园区<i>", "赣榆区", "签约项目：目标10个，已报3个");
        assertThat(text.lines()).noneMatch(line -> line.startsWith("伪造行"));
        assertThat(text).contains("<script>alert('x')</script> & \"引号\" 伪造行：请点击");
    }

    @Test
    void aUnitDigestHasItsOwnSubjectAndRowsOnly() throws Exception {
        UnitDigest donghai = summary.digestOf("donghai").orElseThrow();
        OutgoingEmail email = renderer.unitDigest(donghai, envelope("weekly-2026-W47-unit.donghai-g0@xilian.example.cn",
                summary.ledger().forUnit("donghai")));
        MimeMessage message = MimeAlertMailRendererTest.parse(email.mime());

        assertThat(message.getSubject()).isEqualTo("【周报】2026年第47周 东海县<b> 锡连帮扶合作进度（11月16日—11月22日）");
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        String html = (String) ((MimeMultipart) mixed.getBodyPart(0).getContent()).getBodyPart(1).getContent();
        String text = (String) ((MimeMultipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
        assertThat(html).contains("东海县&lt;b&gt;：", "一、本周未填报的任务", "请尽快填报", "未填报");
        assertThat(html).doesNotContain("赣榆区");
        assertThat(text).contains("- 3.1.1 共建产业园区<i>（完成时限2026-12-10） 填报：https://xilian.example.cn/tasks/3.1.1");
        try (XSSFWorkbook workbook = new XSSFWorkbook(mixed.getBodyPart(1).getInputStream())) {
            assertThat(workbook.getSheet("台账").getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheet("台账").getRow(1).getCell(LedgerColumn.UNIT_ID.ordinal()).getStringCellValue()).isEqualTo("donghai");
        }
    }

    @Test
    void theSameEnvelopeRendersTheSameBytes() {
        // POI stamps zip entries with the wall clock, so the use case's attachment may differ between
        // retries; given the same attachment the renderer itself is deterministic.
        Envelope envelope = envelope("weekly-2026-W47-coordinators-g0@xilian.example.cn", summary.ledger());
        assertThat(renderer.coordinatorsSummary(summary, envelope).mime())
                .isEqualTo(renderer.coordinatorsSummary(summary, envelope).mime());
    }

    private static MimeMultipart alternativeOf(OutgoingEmail email) throws Exception {
        MimeMultipart mixed = (MimeMultipart) MimeAlertMailRendererTest.parse(email.mime()).getContent();
        return (MimeMultipart) mixed.getBodyPart(0).getContent();
    }
}
