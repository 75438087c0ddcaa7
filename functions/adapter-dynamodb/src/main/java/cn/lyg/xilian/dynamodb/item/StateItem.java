package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The state of a (task, unit) pair: pk {@code PLAN#Y}, sk {@code STATE#<taskId>#<unitId>}, gsi1 = the
 * unit's partition. {@code latest} (a map, absent until the first report) is only ever replaced by a
 * newer submission, under a condition. {@code assigned} is false when a reload removed the unit from
 * the task but the pair had already reported: the item is kept so progress is not lost, and hidden
 * from the state views until a later plan assigns the pair again. {@code counted} is the string set of the
 * idempotency keys of every stored submission of the pair (its history count; ADD to a set is idempotent, so
 * a retried or late submission is counted exactly once).
 */
@DynamoDbBean
public class StateItem {
    public static final String LATEST = "latest";
    public static final String ASSIGNED = "assigned";
    public static final String COUNTED = "counted";
    /** The review of the latest report (flat attributes; see DynamoSupervisionRepository). */
    public static final String REVIEW_OF = "reviewOf";
    public static final String EXTENDED_TO = "extendedTo";

    private String pk;
    private String sk;
    private String gsi1pk;
    private String gsi1sk;
    private Integer planYear;
    private String taskId;
    private String unitId;
    private Boolean assigned;
    private SubmissionData latest;
    private java.util.Set<String> counted;
    private String reviewOf;
    private String reviewDecision;
    private String reviewReason;
    private String reviewKey;
    private String reviewedAt;
    private String extendedTo;
    private String extendedAt;
    private String evidenceOf;
    private java.util.List<String> evidenceNames;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("pk")
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("sk")
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "gsi1")
    @DynamoDbAttribute("gsi1pk")
    public String getGsi1pk() {
        return gsi1pk;
    }

    public void setGsi1pk(String gsi1pk) {
        this.gsi1pk = gsi1pk;
    }

    @DynamoDbSecondarySortKey(indexNames = "gsi1")
    @DynamoDbAttribute("gsi1sk")
    public String getGsi1sk() {
        return gsi1sk;
    }

    public void setGsi1sk(String gsi1sk) {
        this.gsi1sk = gsi1sk;
    }

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

    @DynamoDbAttribute(ASSIGNED)
    public Boolean getAssigned() {
        return assigned;
    }

    public void setAssigned(Boolean assigned) {
        this.assigned = assigned;
    }

    @DynamoDbAttribute(LATEST)
    public SubmissionData getLatest() {
        return latest;
    }

    public void setLatest(SubmissionData latest) {
        this.latest = latest;
    }

    @DynamoDbAttribute(COUNTED)
    public java.util.Set<String> getCounted() {
        return counted;
    }

    public void setCounted(java.util.Set<String> counted) {
        this.counted = counted;
    }

    public String getReviewOf() {
        return reviewOf;
    }

    public void setReviewOf(String reviewOf) {
        this.reviewOf = reviewOf;
    }

    public String getReviewDecision() {
        return reviewDecision;
    }

    public void setReviewDecision(String reviewDecision) {
        this.reviewDecision = reviewDecision;
    }

    public String getReviewReason() {
        return reviewReason;
    }

    public void setReviewReason(String reviewReason) {
        this.reviewReason = reviewReason;
    }

    public String getReviewKey() {
        return reviewKey;
    }

    public void setReviewKey(String reviewKey) {
        this.reviewKey = reviewKey;
    }

    public String getReviewedAt() {
        return reviewedAt;
    }

    public void setReviewedAt(String reviewedAt) {
        this.reviewedAt = reviewedAt;
    }

    public String getExtendedTo() {
        return extendedTo;
    }

    public void setExtendedTo(String extendedTo) {
        this.extendedTo = extendedTo;
    }

    public String getExtendedAt() {
        return extendedAt;
    }

    public void setExtendedAt(String extendedAt) {
        this.extendedAt = extendedAt;
    }

    /** The report whose evidence file names {@code evidenceNames} holds (a newer report makes them stale). */
    public String getEvidenceOf() {
        return evidenceOf;
    }

    public void setEvidenceOf(String evidenceOf) {
        this.evidenceOf = evidenceOf;
    }

    public java.util.List<String> getEvidenceNames() {
        return evidenceNames;
    }

    public void setEvidenceNames(java.util.List<String> evidenceNames) {
        this.evidenceNames = evidenceNames;
    }
}
