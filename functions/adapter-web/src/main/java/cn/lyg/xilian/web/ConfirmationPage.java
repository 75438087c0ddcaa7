package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.progress.Submission;

import java.util.List;

/** confirmation.jte: a stored report as the system holds it (after the form's redirect). */
public record ConfirmationPage(Layout layout, PlanTask task, Submission submission) implements PageModel, Framed {

    public List<Target> targets() {
        return task.targetsFor(submission.unitId());
    }
}
