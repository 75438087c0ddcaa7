package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The table schemas of the item classes, built once: building a bean schema introspects the class,
 * which is slow enough to matter in a Lambda cold start if repeated.
 */
public final class ItemSchemas {

    public static final TableSchema<PlanItem> PLAN = TableSchema.fromBean(PlanItem.class);
    public static final TableSchema<SectionItem> SECTION = TableSchema.fromBean(SectionItem.class);
    public static final TableSchema<UnitItem> UNIT = TableSchema.fromBean(UnitItem.class);
    public static final TableSchema<TaskItem> TASK = TableSchema.fromBean(TaskItem.class);
    public static final TableSchema<StateItem> STATE = TableSchema.fromBean(StateItem.class);
    public static final TableSchema<SubmissionItem> SUBMISSION = TableSchema.fromBean(SubmissionItem.class);
    public static final TableSchema<DigestItem> DIGEST = TableSchema.fromBean(DigestItem.class);
    public static final TableSchema<SnapshotItem> SNAPSHOT = TableSchema.fromBean(SnapshotItem.class);
    /** Used to write the nested {@code latest} map of a state item in an UpdateItem expression. */
    public static final TableSchema<SubmissionData> SUBMISSION_DATA = TableSchema.fromBean(SubmissionData.class);

    private ItemSchemas() {
    }
}
