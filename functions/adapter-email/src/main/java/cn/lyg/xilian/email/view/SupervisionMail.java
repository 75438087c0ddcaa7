package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.supervision.Supervise;
import cn.lyg.xilian.core.supervision.SupervisionNotice;

import java.time.format.DateTimeFormatter;

/** A new 督办意见 or the decision on an extension request, to the unit (templates {@code supervision.jte}). */
public record SupervisionMail(SupervisionNotice notice, MailLinks links) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(PlanTime.ZONE);

    public String taskId() {
        return switch (notice) {
            case SupervisionNotice.Instructed i -> i.instruction().taskId();
            case SupervisionNotice.Decided d -> d.extension().taskId();
        };
    }

    public boolean instruction() {
        return notice instanceof SupervisionNotice.Instructed;
    }

    public String subject() {
        return switch (notice) {
            case SupervisionNotice.Instructed i -> "【督办意见】任务" + taskId() + "有新的督办意见";
            case SupervisionNotice.Decided d -> "【延期申请】任务" + taskId() + "的延期申请"
                    + (d.extension().approved() ? "已获批准" : "未获批准");
        };
    }

    /** The instruction's text, or the decision in one sentence. */
    public String summary() {
        return switch (notice) {
            case SupervisionNotice.Instructed i -> "市发改委于" + TIME.format(i.instruction().issuedAt())
                    + "对任务" + taskId() + "“" + notice.taskTitle() + "”下达了督办意见：";
            case SupervisionNotice.Decided d -> d.extension().approved()
                    ? "贵单位就任务" + taskId() + "“" + notice.taskTitle() + "”提出的延期申请已获批准，完成时间："
                    + Supervise.deadlineText(d.extension().planDeadline(), d.extension().grantedDate()) + "。"
                    : "贵单位就任务" + taskId() + "“" + notice.taskTitle() + "”提出的延期申请未获批准，完成时间仍为"
                    + Supervise.deadlineText(d.extension().planDeadline(), null) + "。";
        };
    }

    /** The instruction's text or the decision's note; empty when none. */
    public String text() {
        return switch (notice) {
            case SupervisionNotice.Instructed i -> i.instruction().text();
            case SupervisionNotice.Decided d -> d.extension().note() == null ? "" : d.extension().note();
        };
    }

    public String textLabel() {
        return instruction() ? "督办意见" : "审批意见";
    }

    public String link() {
        return links.task(taskId());
    }
}
