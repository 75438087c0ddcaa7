package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** A milestone nested in a {@link TaskItem} (a map inside a list). */
@DynamoDbBean
public class MilestoneItem {
    private String due;
    private String description;

    /** ISO date (yyyy-MM-dd). */
    public String getDue() {
        return due;
    }

    public void setDue(String due) {
        this.due = due;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
