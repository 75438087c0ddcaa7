package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.port.OutgoingEmail;
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

        assertThat(message.getSubject()).isEqualTo("【预警】1项逾期 1项临近截止");
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
}
