package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressInput;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link ProgressInput} (a report as typed, every value a string) for tests, stating only what the test cares
 * about. The defaults pass validation for any task without targets: 推进中, 40, progress "进展", the optional fields
 * not typed, key {@code report-0001}.
 *
 * <p>It is read by field name as the form and the JSON API read one ({@link ProgressInput#read}), so a new field
 * needs nothing here: it is not typed by default, and a test that cares types it with {@link #field}.
 */
public final class ProgressInputBuilder {

    /** The fields read by name: every component but the figures, the key and the read errors. */
    private static final Set<String> FIELDS = Arrays.stream(ProgressInput.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(n -> !Set.of("figures", "idempotencyKey", "readErrors").contains(n))
            .collect(Collectors.toUnmodifiableSet());

    private final Map<String, String> typed = new HashMap<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private String key = "report-0001";
    private final List<FieldError> readErrors = new ArrayList<>();

    private ProgressInputBuilder() {
        typed.put("status", "推进中");
        typed.put("percent", "40");
        typed.put("progress", "进展");
    }

    /** A report as typed, with the defaults above. */
    public static ProgressInputBuilder input() {
        return new ProgressInputBuilder();
    }

    /** Any field by its name on the form and in the JSON body (null: not typed). */
    public ProgressInputBuilder field(String name, String value) {
        if (!FIELDS.contains(name)) {
            throw new IllegalArgumentException("a report has no field " + name + " (fields: " + FIELDS + ")");
        }
        typed.put(name, value);
        return this;
    }

    public ProgressInputBuilder status(String status) {
        return field("status", status);
    }

    public ProgressInputBuilder percent(String percent) {
        return field("percent", percent);
    }

    /** All figures as typed, replacing any set before. */
    public ProgressInputBuilder figures(Map<String, String> figures) {
        this.figures.clear();
        this.figures.putAll(figures);
        return this;
    }

    public ProgressInputBuilder progress(String progress) {
        return field("progress", progress);
    }

    /** The idempotency key the form embeds (the API's header). */
    public ProgressInputBuilder key(String idempotencyKey) {
        this.key = idempotencyKey;
        return this;
    }

    public ProgressInputBuilder reporter(String reporter) {
        return field("reporter", reporter);
    }

    /** What the transport could not read (the input is then refused with these errors alone). */
    public ProgressInputBuilder readError(FieldError error) {
        this.readErrors.add(error);
        return this;
    }

    public ProgressInputBuilder phone(String phone) {
        return field("phone", phone);
    }

    public ProgressInputBuilder figure(String targetId, String typed) {
        this.figures.put(targetId, typed);
        return this;
    }

    public ProgressInput build() {
        return ProgressInput.read(typed::get, figures, key, readErrors);
    }
}
