package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.supervision.ReturnNotice;

import java.time.format.DateTimeFormatter;

/** The 退回 notice to a unit (templates {@code return.jte}): why its report was sent back, which report, the link. */
public record ReturnMail(ReturnNotice notice, MailLinks links) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(PlanTime.ZONE);

    public String subject() {
        return "【退回】任务" + notice.review().taskId() + "的填报已被退回，请修改后重新填报";
    }

    /** When the returned report was made, e.g. "2026年11月18日 10:00". */
    public String submittedAt() {
        return TIME.format(notice.submission().submittedAt());
    }

    /** The task's page, where the unit reports again. */
    public String link() {
        return links.task(notice.review().taskId());
    }
}
