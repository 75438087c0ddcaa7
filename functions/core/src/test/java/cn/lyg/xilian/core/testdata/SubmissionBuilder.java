package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Submission} for tests, stating only what the test cares about. The defaults make a valid report of the
 * 2026 plan: task 1.2 (deadline 2026-12-31) by 赣榆区, 推进中 at 40 %, no figures, progress text "进展", the optional
 * texts empty, submitted Monday 2026-11-30 10:00 (Asia/Shanghai). Without {@link #key} the key is made from task,
 * unit and time, so two reports of different pairs or times never share one.
 *
 * <p>A new field of {@code Submission} is added here (a setter and a default) and in no test that does not care.
 */
public final class SubmissionBuilder {

    private int planYear = Plan.DEFAULT_YEAR;
    private String taskId = "1.2";
    private String unitId = "ganyu";
    private String key;
    private ProgressStatus status = ProgressStatus.IN_PROGRESS;
    private int percent = 40;
    private Map<String, BigDecimal> figures = new LinkedHashMap<>();
    private String progress = "进展";
    private String problems;
    private String nextSteps;
    private String reporter;
    private String phone;
    private Instant submittedAt = Instant.parse("2026-11-30T02:00:00Z");

    private SubmissionBuilder() {
    }

    /** A report with the defaults above. */
    public static SubmissionBuilder submission() {
        return new SubmissionBuilder();
    }

    /** Task and unit, the two things almost every test states. */
    public static SubmissionBuilder submission(String taskId, String unitId) {
        return new SubmissionBuilder().task(taskId).unit(unitId);
    }

    /**
     * A report with every optional field filled (two figures, problems, next steps, reporter, phone): what a test of
     * storage, serialisation or display starts from to cover every field, a new one included.
     */
    public static SubmissionBuilder complete() {
        return new SubmissionBuilder().figure("t1", "8.0").figure("t2", "1.25").problems("资金未到位").nextSteps("下周开工")
                .reporter("李四").phone("13800000000");
    }

    /** A copy of {@code s} to change some values of (every field copied, the key too). */
    public static SubmissionBuilder from(Submission s) {
        SubmissionBuilder b = new SubmissionBuilder();
        b.planYear = s.planYear();
        b.taskId = s.taskId();
        b.unitId = s.unitId();
        b.key = s.idempotencyKey();
        b.status = s.status();
        b.percent = s.percent();
        b.figures = new LinkedHashMap<>(s.figures());
        b.progress = s.progress();
        b.problems = s.problems();
        b.nextSteps = s.nextSteps();
        b.reporter = s.reporter();
        b.phone = s.phone();
        b.submittedAt = s.submittedAt();
        return b;
    }

    public SubmissionBuilder year(int planYear) {
        this.planYear = planYear;
        return this;
    }

    public SubmissionBuilder task(String taskId) {
        this.taskId = taskId;
        return this;
    }

    public SubmissionBuilder unit(String unitId) {
        this.unitId = unitId;
        return this;
    }

    /** The idempotency key, which names the report (reviews and evidence refer to it). */
    public SubmissionBuilder key(String idempotencyKey) {
        this.key = idempotencyKey;
        return this;
    }

    public SubmissionBuilder status(ProgressStatus status) {
        this.status = status;
        return this;
    }

    public SubmissionBuilder percent(int percent) {
        this.percent = percent;
        return this;
    }

    /** Status and percent together, as a report states them. */
    public SubmissionBuilder status(ProgressStatus status, int percent) {
        return status(status).percent(percent);
    }

    /** All figures, replacing any set before. */
    public SubmissionBuilder figures(Map<String, BigDecimal> figures) {
        this.figures = new LinkedHashMap<>(figures);
        return this;
    }

    /** One figure by target id, e.g. {@code figure("t1", "3")}. */
    public SubmissionBuilder figure(String targetId, String value) {
        this.figures.put(targetId, new BigDecimal(value));
        return this;
    }

    public SubmissionBuilder progress(String progress) {
        this.progress = progress;
        return this;
    }

    public SubmissionBuilder problems(String problems) {
        this.problems = problems;
        return this;
    }

    public SubmissionBuilder nextSteps(String nextSteps) {
        this.nextSteps = nextSteps;
        return this;
    }

    public SubmissionBuilder reporter(String reporter) {
        this.reporter = reporter;
        return this;
    }

    public SubmissionBuilder phone(String phone) {
        this.phone = phone;
        return this;
    }

    public SubmissionBuilder at(Instant submittedAt) {
        this.submittedAt = submittedAt;
        return this;
    }

    /** Submitted at this local time of the plan's zone (Asia/Shanghai). */
    public SubmissionBuilder at(LocalDateTime planTime) {
        return at(planTime.atZone(PlanTime.ZONE).toInstant());
    }

    /** Submitted at 10:00 on this day of the plan's zone. */
    public SubmissionBuilder on(LocalDate day) {
        return at(day.atTime(10, 0));
    }

    public Submission build() {
        String k = key != null ? key
                : "report-" + taskId.replace('.', '_') + "-" + unitId + "-" + submittedAt.getEpochSecond();
        return new Submission(planYear, taskId, unitId, k, status, percent, figures, progress, problems, nextSteps,
                reporter, phone, submittedAt);
    }
}
