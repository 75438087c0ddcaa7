package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

import java.util.List;

/**
 * A task: sk {@code TASK#<id>}. Milestones and targets are stored as lists of maps (native
 * DynamoDB documents, readable in the console), not as JSON strings: no JSON library is needed and
 * they stay small (a task has a handful of each).
 */
@DynamoDbBean
public class TaskItem extends CatalogItem {
    private String id;
    private String sectionId;
    private String title;
    private String text;
    private List<String> unitIds;
    private String deadline;
    private List<MilestoneItem> milestones;
    private List<TargetItem> targets;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSectionId() {
        return sectionId;
    }

    public void setSectionId(String sectionId) {
        this.sectionId = sectionId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<String> getUnitIds() {
        return unitIds;
    }

    public void setUnitIds(List<String> unitIds) {
        this.unitIds = unitIds;
    }

    /** ISO date (yyyy-MM-dd). */
    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public List<MilestoneItem> getMilestones() {
        return milestones;
    }

    public void setMilestones(List<MilestoneItem> milestones) {
        this.milestones = milestones;
    }

    public List<TargetItem> getTargets() {
        return targets;
    }

    public void setTargets(List<TargetItem> targets) {
        this.targets = targets;
    }
}
