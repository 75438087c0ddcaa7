package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.progress.ProgressInput;
import cn.lyg.xilian.core.progress.Submission;
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
     * changes from one report to the next.
     */
    static Map<String, String> startingFrom(@Nullable Submission last) {
        Map<String, String> values = new HashMap<>();
        if (last != null) {
            values.put("status", last.status().name());
            values.put("percent", String.valueOf(last.percent()));
            values.put("reporter", last.reporter() == null ? "" : last.reporter());
            values.put("phone", last.phone() == null ? "" : last.phone());
        }
        values.put("idempotencyKey", Tokens.newToken().substring(0, 22));
        return values;
    }
}
