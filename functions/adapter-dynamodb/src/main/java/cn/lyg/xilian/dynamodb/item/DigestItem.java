package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The delivery record of one week's mail to one recipient: pk {@code PLAN#Y#DIGEST#W}, sk the recipient
 * id. Created once as pending ({@code attribute_not_exists}); afterwards only the delivery attributes
 * change:
 * <ul>
 *   <li>{@code sentAt}/{@code messageId}: absent while pending, set when the transport accepted the mail;</li>
 *   <li>{@code generation}: 0, +1 per admin re-send (part of the Message-ID);</li>
 *   <li>{@code gsi2pk}/{@code gsi2sk}: {@code PLAN#Y#PENDING} / {@code DIGEST#<W>#<recipient>} only while
 *   unsent, so the pending index stays as small as the backlog.</li>
 * </ul>
 */
@DynamoDbBean
public class DigestItem {
    public static final String GENERATION = "generation";
    public static final String SENT_AT = "sentAt";
    public static final String MESSAGE_ID = "messageId";

    private String pk;
    private String sk;
    private String gsi2pk;
    private String gsi2sk;
    private Integer planYear;
    private String weekId;
    private String recipientId;
    private Integer generation;
    private String createdAt;
    private String sentAt;
    private String messageId;

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

    public String getWeekId() {
        return weekId;
    }

    public void setWeekId(String weekId) {
        this.weekId = weekId;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }

    @DynamoDbAttribute(GENERATION)
    public Integer getGeneration() {
        return generation;
    }

    public void setGeneration(Integer generation) {
        this.generation = generation;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute(SENT_AT)
    public String getSentAt() {
        return sentAt;
    }

    public void setSentAt(String sentAt) {
        this.sentAt = sentAt;
    }

    @DynamoDbAttribute(MESSAGE_ID)
    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }
}
