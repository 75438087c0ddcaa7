package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.util.Map;
import java.util.Set;

/**
 * One alert: pk {@code PLAN#Y#ALERT}, sk {@code <taskId>#<unitId>#<rule>#<occurrence>}. Created once
 * ({@code attribute_not_exists}); afterwards only the delivery attributes change:
 * <ul>
 *   <li>{@code audiences}: every audience key ("coordinators", "unit:&lt;id&gt;") it must reach, fixed;</li>
 *   <li>{@code pendingTo}: the audiences still waiting (a string set; DynamoDB drops the attribute when
 *   the last one is deleted);</li>
 *   <li>{@code delivered}: audience key → delivery time;</li>
 *   <li>{@code gsi2pk}/{@code gsi2sk}: present only while {@code pendingTo} is, so the pending index
 *   {@code PLAN#Y#PENDING} stays as small as the backlog, whatever the history.</li>
 * </ul>
 */
@DynamoDbBean
public class AlertItem {
    public static final String PENDING_TO = "pendingTo";
    public static final String DELIVERED = "delivered";

    private String pk;
    private String sk;
    private String gsi2pk;
    private String gsi2sk;
    private Integer planYear;
    private String taskId;
    private String unitId;
    private String rule;
    private String light;
    private String occurrence;
    private String reason;
    private String foundOn;
    private String recordedAt;
    private Set<String> audiences;
    private Set<String> pendingTo;
    private Map<String, String> delivered;

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

    @DynamoDbSecondaryPartitionKey(indexNames = "gsi2")
    @DynamoDbAttribute("gsi2pk")
    public String getGsi2pk() {
        return gsi2pk;
    }

    public void setGsi2pk(String gsi2pk) {
        this.gsi2pk = gsi2pk;
    }

    @DynamoDbSecondarySortKey(indexNames = "gsi2")
    @DynamoDbAttribute("gsi2sk")
    public String getGsi2sk() {
        return gsi2sk;
    }

    public void setGsi2sk(String gsi2sk) {
        this.gsi2sk = gsi2sk;
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

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getLight() {
        return light;
    }

    public void setLight(String light) {
        this.light = light;
    }

    public String getOccurrence() {
        return occurrence;
    }

    public void setOccurrence(String occurrence) {
        this.occurrence = occurrence;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getFoundOn() {
        return foundOn;
    }

    public void setFoundOn(String foundOn) {
        this.foundOn = foundOn;
    }

    public String getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(String recordedAt) {
        this.recordedAt = recordedAt;
    }

    public Set<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(Set<String> audiences) {
        this.audiences = audiences;
    }

    @DynamoDbAttribute(PENDING_TO)
    public Set<String> getPendingTo() {
        return pendingTo;
    }

    public void setPendingTo(Set<String> pendingTo) {
        this.pendingTo = pendingTo;
    }

    @DynamoDbAttribute(DELIVERED)
    public Map<String, String> getDelivered() {
        return delivered;
    }

    public void setDelivered(Map<String, String> delivered) {
        this.delivered = delivered;
    }
}
