package cn.lyg.xilian.email;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.supervision.ReturnMailRenderer;
import cn.lyg.xilian.core.supervision.ReturnNotice;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The 退回 notice to a unit: why its report was sent back, which report, and the link to report again.
 * multipart/alternative (text, then HTML), UTF-8, a Message-ID fixed per review (a retry is recognisable).
 */
public final class MimeReturnMailRenderer implements ReturnMailRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(PlanTime.ZONE);

    private final EmailSettings settings;
    private final Clock clock;

    public MimeReturnMailRenderer(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public OutgoingEmail render(ReturnNotice n) {
        String messageId = n.noticeId() + "@" + settings.messageIdDomain();
        String link = settings.baseUrl() + "/tasks/" + URLEncoder.encode(n.review().taskId(), StandardCharsets.UTF_8);
        String subject = "【退回】任务" + n.review().taskId() + "的填报已被退回，请修改后重新填报";
        String text = n.unitName() + "：\n\n"
                + "贵单位于" + TIME.format(n.submission().submittedAt()) + "填报的任务" + n.review().taskId() + "“"
                + n.taskTitle() + "”进展（" + n.submission().status().label() + "，" + n.submission().percent()
                + "%）已被市发改委退回。\n\n退回原因：" + n.review().reason() + "\n\n请根据退回原因修改后重新填报：" + link
                + "\n\n（本邮件由锡连帮扶合作进度通自动发送）\n";
        String html = "<html><body style=\"font-family:sans-serif\"><p>" + Html.escape(n.unitName()) + "：</p>"
                + "<p>贵单位于" + Html.escape(TIME.format(n.submission().submittedAt())) + "填报的任务"
                + Html.escape(n.review().taskId()) + "“" + Html.escape(n.taskTitle()) + "”进展（"
                + Html.escape(n.submission().status().label()) + "，" + n.submission().percent()
                + "%）已被市发改委<strong>退回</strong>。</p><p>退回原因：" + Html.escape(n.review().reason())
                + "</p><p><a href=\"" + Html.escape(link) + "\">修改后重新填报</a></p>"
                + "<p style=\"color:#666\">本邮件由锡连帮扶合作进度通自动发送</p></body></html>";
        try {
            // Boundaries from the notice, as for the other emails: a retry renders the same bytes.
            String boundaryBase = "=_xilian_" + n.noticeId().replaceAll("[^A-Za-z0-9._-]", "_");
            byte[] bytes = MimeAssembly.write(settings, new MimeAssembly.Parts(messageId, n.to(), subject,
                    clock.instant(), text, html, boundaryBase + "_alt", boundaryBase + "_mix", null));
            return new OutgoingEmail(messageId, n.to(), bytes);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the return notice " + n.noticeId(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the return notice to memory", e);
        }
    }
}
