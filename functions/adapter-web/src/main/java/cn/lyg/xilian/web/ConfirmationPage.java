package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.progress.Submission;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * confirmation.jte: a stored report as the system holds it (after the form's redirect), with its 佐证材料 and, for
 * the unit that made it, the way to add more: a form posting here where the application receives files, the
 * direct upload page where files go to the store (S3). {@code uploaded}: how many files the last upload added.
 */
public record ConfirmationPage(Layout layout, PlanTask task, Submission submission, List<EvidenceFile> files,
                               Upload upload, @Nullable Integer uploaded) implements PageModel, Framed {

    /** How more files reach this report: not at all (a coordinator; no store), the form, the direct upload page. */
    public enum Upload { NONE, FORM, DIRECT }

    static Upload upload(@Nullable AttachEvidence evidence) {
        return evidence == null ? Upload.NONE : evidence.directUploads() ? Upload.DIRECT : Upload.FORM;
    }

    /** Where a stored report is shown. */
    static String path(Submission s) {
        return "/submissions/" + Display.pathSegment(s.taskId()) + "/" + Display.pathSegment(s.unitId()) + "/"
                + Display.pathSegment(s.idempotencyKey());
    }

    public List<Target> targets() {
        return task.targetsFor(submission.unitId());
    }

    /** The report's evidence route (the form's action; the upload page under it). */
    public String evidencePath() {
        return "/tasks/" + Display.pathSegment(task.id()) + "/reports/" + Display.pathSegment(submission.idempotencyKey())
                + "/evidence";
    }

    /** The evidence form's action, in the page's year. */
    public String evidenceAction() {
        return evidencePath() + layout.years().query();
    }

    public boolean mayAddFiles() {
        return upload != Upload.NONE && files.size() < EvidenceRules.MAX_FILES_PER_REPORT;
    }

    public String fileLink(EvidenceFile f) {
        return "/evidence/" + Display.pathSegment(task.id()) + "/" + Display.pathSegment(submission.unitId()) + "/"
                + Display.pathSegment(submission.idempotencyKey()) + "/" + Display.pathSegment(f.fileId());
    }

    public String csrf() {
        return layout.csrf();
    }
}
