package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.view.TaskPage;
import cn.lyg.xilian.web.http.HistoryCursors;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * task.jte: a task with each unit's state, the supervision forms, the report form ({@code values} as typed or
 * started from the last report, {@code errors} by field) and the history. {@code formKey} makes the supervision
 * forms' idempotency keys; {@code evidenceDirect}: files go straight to the store through the upload page.
 */
public record TaskDetailPage(Layout layout, TaskPage page, Map<String, String> values, Map<String, String> errors,
                             String formKey, boolean evidenceDirect) implements PageModel, Framed {

    static TaskDetailPage of(Layout layout, TaskPage page, Map<String, String> values, List<FieldError> errors,
                             boolean evidenceDirect) {
        return new TaskDetailPage(layout, page, values, ReportForm.errorsByField(errors),
                Tokens.newToken().substring(0, 22), evidenceDirect);
    }

    public PlanTask task() {
        return page.task();
    }

    public ProgressStatus[] statuses() {
        return ProgressStatus.values();
    }

    public int maxText() {
        return SubmitProgress.MAX_TEXT;
    }

    /** Each unit's link to its older reports, empty on its last page. */
    public Map<String, String> older() {
        return page.units().stream().collect(Collectors.toMap(TaskPage.UnitBlock::unitId,
                u -> HistoryCursors.olderLink(page.task().id(), u.unitId(), u.history().next())));
    }
}
