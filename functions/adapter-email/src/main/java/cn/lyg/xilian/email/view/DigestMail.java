package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.report.UnitDigest;

/** A unit's Monday digest of its own tasks (templates {@code digest.jte}); see {@link SummaryMail}. */
public record DigestMail(UnitDigest digest, MailLinks links) {

    /** "【周报】2026年第47周 赣榆区 锡连帮扶合作进度（11月16日—11月22日）" */
    public String subject() {
        return SummaryMail.subject(digest.week(), MailText.oneLine(digest.unitName()) + " ");
    }

    public String footer() {
        return "附件为贵单位任务的台账（.xlsx）。" + MailText.AUTOMATIC;
    }
}
