package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import static cn.lyg.xilian.email.Digests.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

class MimeAlertMailRendererTest {

    private final MimeAlertMailRenderer renderer = new MimeAlertMailRenderer(Digests.SETTINGS, Digests.CLOCK);

    static MimeMessage parse(byte[] mime) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
    }

    @Test
    void theMessageParsesBackWithBothPartsAndChineseIntact() throws Exception {
        AlertDigest digest = Digests.sample();
        OutgoingEmail email = renderer.render(digest);
        MimeMessage message = parse(email.mime());

        assertThat(message.getSubject()).isEqualTo("【预警】2项任务：逾期1项 临近截止1项");
        assertThat(message.getHeader("Subject")[0]).as("RFC 2047 encoded").startsWith("=?UTF-8?");
        assertThat(message.getMessageID()).isEqualTo("<" + digest.batchId() + "@xilian.example.cn>");
        assertThat(email.messageId()).isEqualTo(digest.batchId() + "@xilian.example.cn");
        assertThat(message.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(message.getFrom()[0].toString()).contains("alerts@xilian.example.cn");
        assertThat(((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("锡连帮扶合作进度通");
        assertThat(message.getAllRecipients()).hasSize(2);

        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");

        String plain = (String) text.getContent();
        assertThat(plain).contains("赣榆区", "1.2 共建产业园区", "截止时间：2026-11-30（逾期1天）", "最新状态：推进中 80%",
                "原因：已逾期1天，进度80%", "https://xilian.example.cn/tasks/1.2", "最新状态：未填报", "（剩余30天）");
        String page = (String) html.getContent();
        assertThat(page).contains("共建产业园区", "逾期1天", "href=\"https://xilian.example.cn/tasks/1.2\"", "红·逾期");
    }

    @Test
    void theSameBatchRendersTheSameBytes() {
        assertThat(renderer.render(Digests.sample()).mime()).isEqualTo(renderer.render(Digests.sample()).mime());
    }

    @Test
    void hostileTextIsEscapedInHtmlAndVerbatimInText() throws Exception {
        MimeMultipart alternative = (MimeMultipart) parse(renderer.render(Digests.sample()).mime()).getContent();
        String plain = (String) alternative.getBodyPart(0).getContent();
        String page = (String) alternative.getBodyPart(1).getContent();

        assertThat(plain).contains(HOSTILE);
        assertThat(page).doesNotContain("<script").doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;");
    }

    @Test
    void theHtmlHasNoScriptsNoExternalImagesAndNoStyleSheets() throws Exception {
        MimeMultipart alternative = (MimeMultipart) parse(renderer.render(Digests.sample()).mime()).getContent();
        String page = ((String) alternative.getBodyPart(1).getContent()).toLowerCase();
        assertThat(page).doesNotContain("<script", "<img", "<link", "<style", "url(");
        assertThat(new String(renderer.render(Digests.sample()).mime(), StandardCharsets.US_ASCII))
                .as("the raw message is 7-bit clean").matches("\\A[\\x00-\\x7F]*\\z");
    }

    @Test
    void aUnitGetsOneRowPerTaskWithItsRulesAndReasonsFolded() throws Exception {
        AlertDigest digest = Digests.unitWithTwoRulesOnOneTask();
        MimeMessage message = parse(renderer.render(digest).mime());
        assertThat(message.getSubject()).isEqualTo("【预警】1项任务：逾期1项");
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        String plain = (String) alternative.getBodyPart(0).getContent();
        String page = (String) alternative.getBodyPart(1).getContent();
        assertThat(plain).containsOnlyOnce("1.2 共建产业园区").contains("原因：已逾期1天，进度20%；按期应达90%，实际20%");
        assertThat(page.split("<tr>", -1)).as("header row + one task row").hasSize(3);
    }

    @Test
    void theCoordinatorsGetCountsByUnitEachTaskOnceWorstFirstACapAndTheFullListAttached() throws Exception {
        AlertDigest digest = Digests.coordinatorsEveryPair(40, 6);
        MimeMessage message = parse(renderer.render(digest).mime());
        assertThat(message.getSubject()).isEqualTo("【预警】40项任务：逾期10项 上报受阻/滞后10项 进度滞后10项 临近截止10项");

        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        String plain = (String) alternative.getBodyPart(0).getContent();
        String page = (String) alternative.getBodyPart(1).getContent();

        // counts by unit: every unit has 40 tasks, 10 per rule, red for 逾期/受阻, yellow otherwise
        assertThat(plain).contains("一、各单位预警任务数（单位：项任务；红/黄为灯号）",
                "  单位0：40项（逾期 红10，上报受阻/滞后 红10，进度滞后 黄10，临近截止 黄10）");
        // each task once, worst first, capped
        assertThat(plain).containsOnlyOnce("】task-3 任务3\n").doesNotContain("】task-0 ").contains("1. 【红·逾期】").contains("15. 【").doesNotContain("16. 【");
        assertThat(plain.indexOf("【红·逾期】")).isLessThan(plain.indexOf("【红·上报受阻/滞后】"));
        assertThat(plain).contains("另有25项未列出", "共240行", "预警清单-2026-12-21.xlsx",
                "https://xilian.example.cn/board?light=NOT_GREEN&sort=risk");
        assertThat(page).contains("href=\"https://xilian.example.cn/board?unit=u0&amp;light=NOT_GREEN&amp;sort=risk\"", "红10", "黄10");
        assertThat(page.split("<tr>", -1)).as("6 unit rows + 15 task rows + 2 header rows").hasSize(1 + 6 + 15 + 2);

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("预警清单-2026-12-21.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(attachment.getInputStream())) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("预警清单");
            assertThat(sheet.getLastRowNum()).as("one row per (task, unit)").isEqualTo(240);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("红");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("逾期");
            assertThat(sheet.getRow(240).getCell(4).getStringCellValue()).isEqualTo("临近截止");
        }
        assertThat(renderer.render(digest).mime()).as("same batch, same bytes").isEqualTo(renderer.render(digest).mime());
    }
}
