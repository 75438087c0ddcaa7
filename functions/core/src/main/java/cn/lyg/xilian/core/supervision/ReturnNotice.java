package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.Submission;

import java.util.List;

/**
 * The email a unit gets when its report is sent back: the reason, the report it concerns and the task's link.
 *
 * @param to the unit's contacts
 */
public record ReturnNotice(Review review, Submission submission, String taskTitle, String unitName,
                           List<String> to) {
    public ReturnNotice {
        to = List.copyOf(to);
    }

    /** Stable per review: a retried send renders the same Message-ID. */
    public String noticeId() {
        return "returned-" + review.planYear() + "-" + review.taskId() + "-" + review.unitId() + "-"
                + review.submissionKey();
    }
}
