package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.view.TaskPage;
import cn.lyg.xilian.web.http.HistoryCursors;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * task.jte: a task with each unit's state, the supervision forms, the report form and the history. {@code report}
 * is the report form as it starts (from the unit's last report); {@code failed} the one form that came back
 * invalid, if any, shown with what was typed and its errors ({@link #form}). {@code formKey} makes the supervision
 * forms' idempotency keys; {@code evidenceDirect}: files go straight to the store through the upload page;
 * {@code evidenceForm}: the application receives files, so the report form carries a file field (multipart);
 * {@code uploaded}: how many files the last upload added ("已上传N个文件"), if one just did.
 */
public record TaskDetailPage(Layout layout, TaskPage page, Map<String, String> report, @Nullable FormState failed,
                             String formKey, boolean evidenceDirect, boolean evidenceForm, @Nullable Integer uploaded)
        implements PageModel, Framed {

    static TaskDetailPage of(Layout layout, TaskPage page, Map<String, String> report, @Nullable FormState failed,
                             boolean evidenceDirect, boolean evidenceForm, @Nullable Integer uploaded) {
        return new TaskDetailPage(layout, page, report, failed, Tokens.newToken().substring(0, 22), evidenceDirect,
                evidenceForm, uploaded);
    }

    /**
     * The unit's returned latest report, which the report form revises (its values and files carried over), or
     * null when the latest report was not returned.
     */
    public @Nullable Submission revising() {
        TaskPage.UnitBlock own = page.own();
        return own != null && own.latest() != null && own.status().returned() ? own.latest() : null;
    }

    /** Why the report being revised was returned (its review's reason), or null. */
    public @Nullable String returnReason() {
        TaskPage.UnitBlock own = page.own();
        return revising() == null || own.status().review() == null ? null : own.status().review().reason();
    }

    /** The files of the report being revised, each offered for carrying over. */
    public List<EvidenceFile> revisingFiles() {
        Submission r = revising();
        return r == null ? List.of() : page.supervision().filesOf(r.unitId(), r.idempotencyKey());
    }

    /** The form as typed if it is the one that failed, else as the page starts it. */
    public FormState form(FormState.Form form, @Nullable String unitId) {
        if (failed != null && failed.is(form, unitId)) {
            return failed;
        }
        return FormState.fresh(form, unitId, form == FormState.Form.REPORT ? report : Map.of());
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
