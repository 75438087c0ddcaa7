package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Submission} for tests, stating only what the test cares about. The defaults make a valid report of the
 * 2026 plan: task 1.2 (deadline 2026-12-31) by 赣榆区, 推进中 at 40 %, no figures, progress text "进展", the optional
 * fields empty, submitted Monday 2026-11-30 10:00 (Asia/Shanghai). Without {@link #key} the key is made from task,
 * unit and time, so two reports of different pairs or times never share one.
 *
 * <p>A new optional field of {@code Submission} needs nothing here: it is null by default, {@link #from} copies it,
 * {@link #complete} fills it, and a test that cares sets it with {@link #with}.
 */
public final class SubmissionBuilder extends RecordBuilder<Submission, SubmissionBuilder> {

    private SubmissionBuilder() {
        super(Submission.class);
        values.put("planYear", Plan.DEFAULT_YEAR);
        values.put("status", ProgressStatus.IN_PROGRESS);
        values.put("percent", 40);
        values.put("figures", new LinkedHashMap<String, BigDecimal>());
        values.put("progress", "进展");
        values.put("submittedAt", Instant.parse("2026-11-30T02:00:00Z"));
    }

    /** A report with the defaults above. */
    public static SubmissionBuilder submission() {
        return submission("1.2", "ganyu");
    }

    /** The (task, unit) pair, what almost every test states. */
    public static SubmissionBuilder submission(String taskId, String unitId) {
        return new SubmissionBuilder().pair(taskId, unitId);
    }

    /**
     * A report with every optional field filled (two figures, problems, next steps, reporter, phone, and any field
     * added since: a text, a number or a date): what a test of storage, serialisation or display starts from to
     * cover every field, a new one included.
     */
    public static SubmissionBuilder complete() {
        SubmissionBuilder b = submission().figure("t1", "8.0").figure("t2", "1.25").problems("资金未到位")
                .nextSteps("下周开工").reporter("李四").phone("13800000000");
        for (RecordComponent c : b.components()) {
            if (b.values.get(c.getName()) == null && !c.getName().equals("idempotencyKey")) {
                b.values.put(c.getName(), sample(c));
            }
        }
        return b;
    }

    /** A copy of {@code s} to change some values of (every field copied, the key too). */
    public static SubmissionBuilder from(Submission s) {
        return new SubmissionBuilder().copyOf(s).figures(s.figures());
    }

    /** The idempotency key, which names the report (reviews and evidence refer to it). */
    public SubmissionBuilder key(String idempotencyKey) {
        return with("idempotencyKey", idempotencyKey);
    }

    public SubmissionBuilder percent(int percent) {
        return with("percent", percent);
    }

    /** Status and percent, as a report states them. */
    public SubmissionBuilder status(ProgressStatus status, int percent) {
        values.put("status", status);
        return percent(percent);
    }

    public SubmissionBuilder progress(String progress) {
        return with("progress", progress);
    }

    public SubmissionBuilder problems(String problems) {
        return with("problems", problems);
    }

    /** One figure by target id, e.g. {@code figure("t1", "3")}. */
    @SuppressWarnings("unchecked")
    public SubmissionBuilder figure(String targetId, String value) {
        ((Map<String, BigDecimal>) values.get("figures")).put(targetId, new BigDecimal(value));
        return this;
    }

    public SubmissionBuilder reporter(String reporter) {
        return with("reporter", reporter);
    }

    public SubmissionBuilder nextSteps(String nextSteps) {
        return with("nextSteps", nextSteps);
    }

    /** Submitted at this local time of the plan's zone (Asia/Shanghai). */
    public SubmissionBuilder at(LocalDateTime planTime) {
        return at(planTime.atZone(PlanTime.ZONE).toInstant());
    }

    public SubmissionBuilder phone(String phone) {
        return with("phone", phone);
    }

    public SubmissionBuilder year(int planYear) {
        return with("planYear", planYear);
    }

    /** Submitted at 10:00 on this day of the plan's zone. */
    public SubmissionBuilder on(LocalDate day) {
        return at(day.atTime(10, 0));
    }

    public SubmissionBuilder at(Instant submittedAt) {
        return with("submittedAt", submittedAt);
    }

    /** All figures, replacing any set before. */
    public SubmissionBuilder figures(Map<String, BigDecimal> figures) {
        return with("figures", new LinkedHashMap<>(figures));
    }

    /** The (task, unit) pair of the report. */
    public SubmissionBuilder pair(String taskId, String unitId) {
        values.put("taskId", taskId);
        return with("unitId", unitId);
    }

    @Override
    Object valueFor(String component) {
        if (component.equals("idempotencyKey") && values.get(component) == null) {
            return "report-" + ((String) values.get("taskId")).replace('.', '_') + "-" + values.get("unitId") + "-"
                    + ((Instant) values.get("submittedAt")).getEpochSecond();
        }
        return super.valueFor(component);
    }

    /** A value for an optional field that {@link #complete} does not name. */
    private static Object sample(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == String.class) {
            return c.getName() + "示例";
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.5");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 11, 27);
        }
        throw new IllegalStateException("SubmissionBuilder.complete() has no sample for " + c.getName() + " (" + type
                + "): add one");
    }
}
