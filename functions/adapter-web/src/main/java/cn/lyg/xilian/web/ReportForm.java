package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.progress.ProgressInput;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.supervision.TaskSupervision;
import cn.lyg.xilian.core.view.TaskPage;
import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.web.http.RequestBodies.first;

/** The report form's fields: read from a post and filled in for the page ({@link FormState} shows its errors). */
final class ReportForm {

    private static final String FIGURE = "figure.";

    private ReportForm() {
    }

    /** What was posted, as typed; every {@code figure.<target>} field is a figure. */
    static ProgressInput input(Map<String, List<String>> form) {
        Map<String, String> figures = new LinkedHashMap<>();
        form.forEach((name, v) -> {
            if (name.startsWith(FIGURE) && !v.isEmpty()) {
                figures.put(name.substring(FIGURE.length()), v.get(0));
            }
        });
        return ProgressInput.read(name -> first(form, name), figures, first(form, "idempotencyKey"), List.of());
    }

    /**
     * A fresh form with a new idempotency key, starting from the unit's last report: usually only the text
     * changes from one report to the next. After 退回 the form is that report to revise: every value of it, and
     * each of its files ticked to be kept ({@code carry.<fileId>}, {@code carryFrom} naming the report).
     */
    static Map<String, String> startingFrom(@Nullable TaskPage.UnitBlock own, TaskSupervision supervision) {
        Map<String, String> values = new HashMap<>();
        Submission last = own == null ? null : own.latest();
        if (last != null) {
            values.put("status", last.status().name());
            values.put("percent", String.valueOf(last.percent()));
            values.put("reporter", last.reporter() == null ? "" : last.reporter());
            values.put("phone", last.phone() == null ? "" : last.phone());
        }
        if (last != null && own.status().returned()) {
            last.figures().forEach((target, v) -> values.put(FIGURE + target, v.toPlainString()));
            values.put("progress", last.progress());
            values.put("problems", last.problems() == null ? "" : last.problems());
            values.put("nextSteps", last.nextSteps() == null ? "" : last.nextSteps());
            values.put("carryFrom", last.idempotencyKey());
            supervision.filesOf(last.unitId(), last.idempotencyKey())
                    .forEach(f -> values.put("carry." + f.fileId(), "1"));
        }
        values.put("idempotencyKey", Tokens.newToken().substring(0, 22));
        return values;
    }
}
