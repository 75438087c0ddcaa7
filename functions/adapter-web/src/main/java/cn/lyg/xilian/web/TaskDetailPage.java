package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.view.TaskPage;
import cn.lyg.xilian.web.http.HistoryCursors;
import io.micronaut.core.annotation.Nullable;

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

    /**
     * The unit to review after {@code unitId}: the next one down the page (wrapping round) whose latest report waits
     * for review; null when no other does. The review form names it so the answer lands on that unit's block.
     */
    public @Nullable String nextWaiting(String unitId) {
        List<TaskPage.UnitBlock> units = page.units();
        int at = 0;
        while (at < units.size() && !units.get(at).unitId().equals(unitId)) {
            at++;
        }
        for (int step = 1; step < units.size(); step++) {
            TaskPage.UnitBlock u = units.get((at + step) % units.size());
            if (u.latest() != null && u.status().review() == null) {
                return u.unitId();
            }
        }
        return null;
    }

    /** Each unit's link to its older reports, empty on its last page. */
    public Map<String, String> older() {
        return page.units().stream().collect(Collectors.toMap(TaskPage.UnitBlock::unitId,
                u -> HistoryCursors.olderLink(page.task().id(), u.unitId(), u.history().next())));
    }
}
