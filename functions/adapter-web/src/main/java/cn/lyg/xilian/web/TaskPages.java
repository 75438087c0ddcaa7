package cn.lyg.xilian.web;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.view.TaskPage;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.web.http.HistoryCursors;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The task page for its controllers: as it opens, and again (422) with one of its forms as typed and its errors,
 * which is how every form of the page answers invalid input (nothing typed is lost, no bare error page).
 */
@Singleton
public class TaskPages {

    private final TaskQueries queries;
    private final Pages pages;
    private final boolean evidenceDirect;
    private final boolean evidenceForm;

    public TaskPages(TaskQueries queries, Pages pages, @Nullable AttachEvidence evidence) {
        this.queries = queries;
        this.pages = pages;
        this.evidenceDirect = evidence != null && evidence.directUploads();
        this.evidenceForm = evidence != null && !evidenceDirect;
    }

    /** {@code ?unit=<unitId>&before=<cursor>} pages back through one unit's history. */
    HttpResponse<?> show(SessionCaller caller, HttpRequest<?> request, String id) {
        TaskPage page = page(caller, request, id);
        Map<String, String> report = ReportForm.startingFrom(page.own(), page.supervision());
        return pages.ok(TaskDetailPage.of(pages.layout(caller), page, report, null, evidenceDirect, evidenceForm,
                uploaded(request)));
    }

    /** The page again with {@code failed} as typed (the task exists: the use case checked it first). */
    HttpResponse<?> invalid(SessionCaller caller, HttpRequest<?> request, String id, FormState failed) {
        TaskPage page = page(caller, request, id);
        return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, TaskDetailPage.of(pages.layout(caller), page, Map.of(),
                failed, evidenceDirect, evidenceForm, null));
    }

    /**
     * A supervision or evidence form's answer: {@code done} (a redirect-after-post) once stored, the page with the
     * form as typed when the input is invalid, the usual error page for a refusal or a conflict.
     */
    HttpResponse<?> answer(SessionCaller caller, HttpRequest<?> request, String id, FormState.Form form,
                           @Nullable String unitId, Map<String, List<String>> posted, Outcome<?> outcome,
                           Supplier<HttpResponse<?>> done) {
        if (outcome instanceof Outcome.Invalid<?> invalid) {
            return invalid(caller, request, id, FormState.failed(form, unitId, posted, invalid.errors()));
        }
        Outcomes.done(outcome);
        return done.get();
    }

    /** {@code ?uploaded=N} (1 to the per-report cap) after a successful upload; anything else is no message. */
    static @Nullable Integer uploaded(HttpRequest<?> request) {
        String n = request.getParameters().get("uploaded");
        if (n == null || !n.matches("[1-9][0-9]?")) {
            return null;
        }
        int count = Integer.parseInt(n);
        return count <= cn.lyg.xilian.core.evidence.EvidenceRules.MAX_FILES_PER_REPORT ? count : null;
    }

    private TaskPage page(SessionCaller caller, HttpRequest<?> request, String id) {
        return queries.taskPage(caller.plan(), caller.who(), id, request.getParameters().get("unit"),
                HistoryCursors.decode(request.getParameters().get("before")));
    }
}
