package cn.lyg.xilian.email;

import cn.lyg.xilian.core.access.SignInLinkNotice;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.supervision.SupervisionNotice;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's emails to a unit: the sign-in link asked for on the sign-in page, a new 督办意见, an extension's decision.
 * Rendered separately from sending, both parts in Chinese with absolute links on the public base URL, the HTML part
 * a document of its own (lang, title, viewport); the Message-ID never carries the token.
 */
class UnitNoticeMailTest {

    private static final String TOKEN = "Tok_" + "x".repeat(39);

    @Test
    void theSignInLinkLeadsBackToThePageThatAskedForIt() throws Exception {
        OutgoingEmail email = new MimeSignInLinkMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(new SignInLinkNotice(
                "req-1", "赣榆区", TOKEN, "/tasks/3.1.1", Instant.parse("2026-12-31T02:00:00Z"),
                List.of("ganyu@example.cn", "ban@ganyu.example.cn")));
        MimeMessage m = MimeAlertMailRendererTest.parse(email.mime());
        assertThat(m.getSubject()).isEqualTo("锡连帮扶合作进度通：赣榆区的登录链接");
        assertThat(email.to()).containsExactly("ganyu@example.cn", "ban@ganyu.example.cn");
        assertThat(email.messageId()).doesNotContain(TOKEN).isEqualTo("signin-req-1@xilian.example.cn");
        String link = "https://xilian.example.cn/login?token=" + TOKEN + "&next=%2Ftasks%2F3.1.1";
        assertThat(part(m, "text/plain")).contains(link).contains("2026年12月31日").contains("任务3.1.1的填报页面");
        assertThat(part(m, "text/html")).contains("href=\"" + link.replace("&", "&amp;") + "\"")
                .contains("<html lang=\"zh-CN\">").contains("<title>锡连帮扶合作进度通：赣榆区的登录链接</title>")
                .contains("name=\"viewport\"");
    }

    @Test
    void anInstructionAndADecisionLinkToTheTask() throws Exception {
        MimeSupervisionMailRenderer renderer = new MimeSupervisionMailRenderer(Digests.SETTINGS, Digests.CLOCK);
        MimeMessage instruction = MimeAlertMailRendererTest.parse(renderer.render(new SupervisionNotice.Instructed(
                new Instruction(2026, "3.1.1", null, "note-key-1", "请补充<佐证>材料", Instant.parse("2026-11-19T02:00:00Z")),
                "ganyu", "共建产业合作园区", "赣榆区", List.of("ganyu@example.cn"))).mime());
        assertThat(instruction.getSubject()).isEqualTo("【督办意见】任务3.1.1有新的督办意见");
        assertThat(part(instruction, "text/plain")).contains("督办意见：请补充<佐证>材料")
                .contains("https://xilian.example.cn/tasks/3.1.1");
        assertThat(part(instruction, "text/html")).contains("请补充&lt;佐证&gt;材料")
                .contains("href=\"https://xilian.example.cn/tasks/3.1.1\"");

        Extension requested = new Extension(2026, "3.1.1", "ganyu", "ext-1", LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 3, 31), "需省级批复", Instant.parse("2026-11-19T02:00:00Z"), null, null, null, null);
        MimeMessage rejected = MimeAlertMailRendererTest.parse(renderer.render(new SupervisionNotice.Decided(
                requested.decided(Extension.Decision.REJECTED, null, "请按原定时间完成", Instant.parse("2026-11-20T02:00:00Z")),
                "共建产业合作园区", "赣榆区", List.of("ganyu@example.cn"))).mime());
        assertThat(rejected.getSubject()).isEqualTo("【延期申请】任务3.1.1的延期申请未获批准");
        assertThat(part(rejected, "text/plain")).contains("完成时间仍为2026年12月31日").contains("审批意见：请按原定时间完成");
        MimeMessage approved = MimeAlertMailRendererTest.parse(renderer.render(new SupervisionNotice.Decided(
                requested.decided(Extension.Decision.APPROVED, LocalDate.of(2027, 3, 31), "同意",
                        Instant.parse("2026-11-20T02:00:00Z")), "共建产业合作园区", "赣榆区", List.of("ganyu@example.cn"))).mime());
        assertThat(approved.getSubject()).endsWith("已获批准");
        assertThat(part(approved, "text/plain")).contains("原定12月31日，经批准延期至2027年3月31日");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String found = part(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
