package cn.lyg.xilian.web;

import cn.lyg.xilian.core.progress.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form of the task page as the template fills it in: which form (and for which unit), the values it shows and
 * each field's first error. A form that came back invalid shows what was typed, its messages beside their fields
 * (the input {@code aria-describedby} its message) and a summary at its top that takes the focus, so the answer to
 * the post opens at that form (a redirect's fragment cannot).
 */
public record FormState(Form form, @Nullable String unitId, Map<String, String> values,
                        Map<String, FieldError> errors) {

    /** The task page's forms; the unit's forms (审核、延期审批) are one per unit. */
    public enum Form { REPORT, REVIEW, EXTENSION, DECISION, INSTRUCTION, EVIDENCE, UNIT, NEW_UNIT, COORDINATOR, ROBOT }

    /**
     * A line of the summary: the message, a link to the field (null for a field without an input of its own) and
     * the error's code, which the page keeps out of the text (a data attribute, for tests and support).
     */
    public record Problem(String message, @Nullable String target, String code) {
    }

    public FormState {
        values = Map.copyOf(values);
        errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** A form as the page first shows it. */
    public static FormState fresh(Form form, @Nullable String unitId, Map<String, String> values) {
        return new FormState(form, unitId, values, Map.of());
    }

    /** The posted form again (its CSRF token left out: the page writes the session's) with its errors by field. */
    public static FormState failed(Form form, @Nullable String unitId, Map<String, List<String>> posted,
                                   List<FieldError> errors) {
        Map<String, String> typed = new LinkedHashMap<>();
        posted.forEach((k, v) -> {
            if (!"_csrf".equals(k) && !v.isEmpty() && v.get(0) != null) {
                typed.put(k, v.get(0));
            }
        });
        Map<String, FieldError> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            // Each refused file has its own field (files[0], files[1] …) but the form one input: all said there.
            String field = (form == Form.EVIDENCE || form == Form.REPORT) && e.field().startsWith("files[") ? "files"
                    : e.field();
            FieldError before = byField.get(field);
            byField.put(field, before == null ? new FieldError(field, e.code(), e.message())
                    : field.equals("files") ? new FieldError(field, before.code(), before.message() + "；" + e.message())
                    : before);
        }
        return new FormState(form, unitId, typed, byField);
    }

    public boolean is(Form other, @Nullable String unit) {
        return form == other && java.util.Objects.equals(unitId, unit);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** What was typed when the form failed, else the page's default. */
    public String value(String field, String fresh) {
        return failed() ? value(field) : fresh;
    }

    @Nullable
    public String error(String field) {
        FieldError e = errors.get(field);
        return e == null ? null : e.message();
    }

    /** The field's input on the page (the ids the pages and tests have always used); null for a field without one. */
    @Nullable
    public String inputId(String field) {
        return switch (form) {
            case REPORT -> field.equals("idempotencyKey") || field.equals("carry") ? null
                    : field.equals("files") ? "report-files"
                    : field.startsWith("figures.") ? "figure." + field.substring("figures.".length()) : field;
            case REVIEW -> field.equals("reason") ? "reason-" + unitId : null;
            case EXTENSION -> field.equals("date") || field.equals("reason") ? "ext-" + field : null;
            case DECISION -> field.equals("date") ? "grant-" + unitId : field.equals("note") ? "note-" + unitId : null;
            case INSTRUCTION -> field.equals("unit") || field.equals("text") ? "instruct-" + field : null;
            case EVIDENCE -> field.equals("files") ? "evidence-files" : null;
            case UNIT, NEW_UNIT -> java.util.Set.of("id", "name", "kind", "aliases", "contacts", "liaisonName",
                    "liaisonPhone").contains(field) ? "unit-" + field : null;
            case COORDINATOR -> field.equals("name") || field.equals("email") ? "coordinator-" + field : null;
            case ROBOT -> java.util.Set.of("vendor", "webhookUrl", "secret").contains(field) ? "robot-" + field : null;
        };
    }

    /** The id of the field's message, which its input names in {@code aria-describedby}. */
    public String errorId(String field) {
        String input = inputId(field);
        return (input == null ? summaryId() + "-" + field : input) + "-error";
    }

    /** {@code aria-invalid}: "true" on a field with an error, else absent (null omits the attribute). */
    @Nullable
    public String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    @Nullable
    public String describedBy(String field) {
        return errors.containsKey(field) ? errorId(field) : null;
    }

    public String summaryId() {
        return form.name().toLowerCase(java.util.Locale.ROOT) + (unitId == null ? "" : "-" + unitId) + "-errors";
    }

    public List<Problem> problems() {
        return errors.values().stream().map(e -> new Problem(e.message(),
                inputId(e.field()) == null ? null : "#" + inputId(e.field()), e.code())).toList();
    }
}
