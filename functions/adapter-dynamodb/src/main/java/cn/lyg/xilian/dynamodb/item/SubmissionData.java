package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

import java.util.Map;

/**
 * The content of one submission. Flattened into the history item ({@link SubmissionItem}) and nested
 * as the map {@code latest} in the state item ({@link StateItem}), so both hold the same attribute names.
 * {@code submittedAt} is the fixed-width string of {@code Keys.time}, so that the state item's
 * condition can compare it as a string. Figures are decimal strings (numbers would be normalised).
 */
@DynamoDbBean
public class SubmissionData {
    public static final String SUBMITTED_AT = "submittedAt";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private Integer planYear;
    private String taskId;
    private String unitId;
    private String idempotencyKey;
    private String status;
    private Integer percent;
    private Map<String, String> figures;
    private String progress;
    private String problems;
    private String nextSteps;
    private String reporter;
    private String phone;
    private String submittedAt;

    public Integer getPlanYear() {
        return planYear;
    }

    public void setPlanYear(Integer planYear) {
        this.planYear = planYear;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getUnitId() {
        return unitId;
    }

    public void setUnitId(String unitId) {
        this.unitId = unitId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /** {@code ProgressStatus} enum name. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getPercent() {
        return percent;
    }

    public void setPercent(Integer percent) {
        this.percent = percent;
    }

    public Map<String, String> getFigures() {
        return figures;
    }

    public void setFigures(Map<String, String> figures) {
        this.figures = figures;
    }

    public String getProgress() {
        return progress;
    }

    public void setProgress(String progress) {
        this.progress = progress;
    }

    public String getProblems() {
        return problems;
    }

    public void setProblems(String problems) {
        this.problems = problems;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public void setNextSteps(String nextSteps) {
        this.nextSteps = nextSteps;
    }

    public String getReporter() {
        return reporter;
    }

    public void setReporter(String reporter) {
        this.reporter = reporter;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getSubmittedAt() {
        return submittedAt;
    }

    public void setSubmittedAt(String submittedAt) {
        this.submittedAt = submittedAt;
    }
}
