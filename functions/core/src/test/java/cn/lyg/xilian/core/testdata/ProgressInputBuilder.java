package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ProgressInput} (a report as typed, every value a string) for tests, stating only what the test cares
 * about. The defaults pass validation for any task without targets: 推进中, 40, progress "进展", the optional fields
 * not typed, key {@code report-0001}.
 *
 * <p>A new field of {@code ProgressInput} is added here (a setter, default not typed) and in no test that does not
 * care.
 */
public final class ProgressInputBuilder {

    private String status = "推进中";
    private String percent = "40";
    private Map<String, String> figures = new LinkedHashMap<>();
    private String progress = "进展";
    private String problems;
    private String nextSteps;
    private String reporter;
    private String phone;
    private String key = "report-0001";
    private final List<FieldError> readErrors = new ArrayList<>();

    private ProgressInputBuilder() {
    }

    /** A report as typed, with the defaults above. */
    public static ProgressInputBuilder input() {
        return new ProgressInputBuilder();
    }

    public ProgressInputBuilder status(String status) {
        this.status = status;
        return this;
    }

    public ProgressInputBuilder percent(String percent) {
        this.percent = percent;
        return this;
    }

    /** All figures as typed, replacing any set before. */
    public ProgressInputBuilder figures(Map<String, String> figures) {
        this.figures = new LinkedHashMap<>(figures);
        return this;
    }

    public ProgressInputBuilder figure(String targetId, String typed) {
        this.figures.put(targetId, typed);
        return this;
    }

    public ProgressInputBuilder progress(String progress) {
        this.progress = progress;
        return this;
    }

    public ProgressInputBuilder problems(String problems) {
        this.problems = problems;
        return this;
    }

    public ProgressInputBuilder nextSteps(String nextSteps) {
        this.nextSteps = nextSteps;
        return this;
    }

    public ProgressInputBuilder reporter(String reporter) {
        this.reporter = reporter;
        return this;
    }

    public ProgressInputBuilder phone(String phone) {
        this.phone = phone;
        return this;
    }

    public ProgressInputBuilder key(String idempotencyKey) {
        this.key = idempotencyKey;
        return this;
    }

    /** What the transport could not read (the input is then refused with these errors alone). */
    public ProgressInputBuilder readError(FieldError error) {
        this.readErrors.add(error);
        return this;
    }

    public ProgressInput build() {
        return new ProgressInput(status, percent, figures, progress, problems, nextSteps, reporter, phone, key,
                readErrors);
    }
}
