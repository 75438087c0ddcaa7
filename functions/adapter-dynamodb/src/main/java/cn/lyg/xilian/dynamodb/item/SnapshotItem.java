package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.util.Map;

/**
 * A week's end-of-week statuses: pk {@code PLAN#Y#DIGEST#W}, sk {@code SNAPSHOT}. One item, about 130
 * entries ("3.1.2#ganyu" → status name, a native map), written once by the week's first summary run and
 * read as the next week's baseline, so "status changes" never need the submission history.
 */
@DynamoDbBean
public class SnapshotItem {

    private String pk;
    private String sk;
    private Integer planYear;
    private String weekId;
    private Map<String, String> statusByPair;

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

    public Integer getPlanYear() {
        return planYear;
    }

    public void setPlanYear(Integer planYear) {
        this.planYear = planYear;
    }

    public String getWeekId() {
        return weekId;
    }

    public void setWeekId(String weekId) {
        this.weekId = weekId;
    }

    public Map<String, String> getStatusByPair() {
        return statusByPair;
    }

    public void setStatusByPair(Map<String, String> statusByPair) {
        this.statusByPair = statusByPair;
    }
}
