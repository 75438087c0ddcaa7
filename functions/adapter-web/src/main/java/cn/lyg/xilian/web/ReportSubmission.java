package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.web.http.Multipart;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.RequestBodies;
import cn.lyg.xilian.web.http.SessionCaller;
import cn.lyg.xilian.web.http.SubmissionLimit;
import cn.lyg.xilian.web.http.UploadReceiver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report form's post with its 佐证材料: the form is multipart where the application receives files (the local
 * store), urlencoded otherwise; a resubmission after 退回 may keep files of the returned report ({@code carry.<fileId>}
 * ticked, {@code carryFrom} naming that report).
 *
 * <p>The rule against a half-written report: everything about the files is checked first (each new file's size,
 * name and type, the carried files being the caller's own files of that report, the count within
 * {@link EvidenceRules#MAX_FILES_PER_REPORT}); if anything fails, or the report itself is invalid, nothing is stored
 * and the form comes back as typed with the error beside its field. Only then is the report stored, and its files
 * attached (both idempotent, so a retried post neither duplicates the report nor its files).
 */
@Singleton
public class ReportSubmission {

    private static final String CARRY = "carry.";

    private final SubmitProgress submitProgress;
    private final SubmissionLimit submissionLimit;
    private final RequestBodies bodies;
    private final UploadReceiver receiver;
    private final AttachEvidence evidence;

    public ReportSubmission(SubmitProgress submitProgress, SubmissionLimit submissionLimit, RequestBodies bodies,
                            UploadReceiver receiver, @Nullable AttachEvidence evidence) {
        this.submitProgress = submitProgress;
        this.submissionLimit = submissionLimit;
        this.bodies = bodies;
        this.receiver = receiver;
        this.evidence = evidence;
    }

    /** What was posted (for the form again) and what came of it. */
    public record Result(Map<String, List<String>> fields, SubmitOutcome outcome) {
    }

    /** Reads the post (the session's CSRF token checked before anything is used), then submits it. */
    public Result submit(SessionCaller caller, HttpRequest<?> request, String taskId) {
        submissionLimit.acquire(caller);
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            try (Multipart body = receiver.receive(request)) { // the temporary files go when the post is done
                caller.requireCsrf(body.field("_csrf"));
                List<FieldError> errors = new ArrayList<>();
                List<EvidenceRules.Upload> uploads = List.of();
                if (body.droppedFiles() > 0) {
                    errors.add(UploadReceiver.TOO_MANY);
                } else {
                    uploads = UploadReceiver.uploads(body, "files");
                }
                return submit(caller, taskId, body.fields(), uploads, errors);
            }
        }
        Map<String, List<String>> fields = bodies.form(request);
        caller.requireCsrf(RequestBodies.first(fields, "_csrf"));
        return submit(caller, taskId, fields, List.of(), new ArrayList<>());
    }

    private Result submit(SessionCaller caller, String taskId, Map<String, List<String>> fields,
                          List<EvidenceRules.Upload> uploads, List<FieldError> errors) {
        List<String> carry = carried(fields);
        String carryFrom = RequestBodies.first(fields, "carryFrom");
        Set<String> distinct = new HashSet<>(carry);
        if (!uploads.isEmpty() || !carry.isEmpty()) {
            AttachEvidence use = EvidenceRoutes.available(evidence);
            if (!carry.isEmpty()) {
                Outcome<List<EvidenceFile>> previous = use.previousFiles(caller.plan(), caller.who(), taskId,
                        carryFrom == null ? "" : carryFrom, carry);
                if (previous instanceof Outcome.Invalid<List<EvidenceFile>> inv) {
                    errors.addAll(inv.errors());
                } else {
                    Outcomes.done(previous); // a task the caller does not report on: the usual refusal
                }
            }
            if (!uploads.isEmpty()) {
                List<EvidenceRules.Checked> checked = new ArrayList<>();
                errors.addAll(EvidenceRules.check(uploads, checked));
                // a new file with the same content as a carried one is the same file (ids are content ids)
                checked.forEach(c -> distinct.add(EvidenceKeys.contentId(c.upload().sha256())));
            }
            if (errors.isEmpty() && distinct.size() > EvidenceRules.MAX_FILES_PER_REPORT) {
                errors.add(EvidenceRules.tooMany(0));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(fields, new SubmitOutcome.Invalid(errors));
        }
        SubmitOutcome outcome = submitProgress.submit(caller.plan(), caller.who(), taskId, ReportForm.input(fields));
        Submission stored = switch (outcome) {
            case SubmitOutcome.Stored s -> s.submission();
            case SubmitOutcome.Replayed r -> r.submission();
            default -> null;
        };
        if (stored == null) {
            if (outcome instanceof SubmitOutcome.Invalid inv && !uploads.isEmpty()) {
                List<FieldError> all = new ArrayList<>(inv.errors());
                all.add(new FieldError("files", "FILES_NOT_SAVED", "所选文件尚未保存：请改正以上内容后重新选择文件"));
                return new Result(fields, new SubmitOutcome.Invalid(all));
            }
            return new Result(fields, outcome);
        }
        AttachEvidence use = evidence;
        if (!uploads.isEmpty()) {
            Outcomes.done(use.attach(caller.plan(), caller.who(), taskId, stored.idempotencyKey(), uploads));
        }
        if (!carry.isEmpty()) {
            Outcomes.done(use.carryOver(caller.plan(), caller.who(), taskId, carryFrom, stored.idempotencyKey(), carry));
        }
        return new Result(fields, outcome);
    }

    /** The ticked files of the returned report: {@code carry.<fileId>} fields (the ids are checked by the use case). */
    static List<String> carried(Map<String, List<String>> fields) {
        return fields.keySet().stream().filter(k -> k.startsWith(CARRY) && !fields.get(k).isEmpty())
                .map(k -> k.substring(CARRY.length())).toList();
    }
}
