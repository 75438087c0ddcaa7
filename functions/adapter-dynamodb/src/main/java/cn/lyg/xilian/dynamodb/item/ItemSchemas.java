package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The table schemas of the item classes, each built once and only when first used: building a bean schema
 * introspects the class, which is slow enough to matter in a Lambda cold start (about 25–40 ms each on a
 * cold JVM). One holder class per schema (initialised by the JVM on first access, thread-safe), so the API
 * function builds the catalog and progress schemas it reads, not the digest and snapshot ones.
 */
public final class ItemSchemas {

    public static TableSchema<PlanItem> plan() {
        return PlanItemSchema.SCHEMA;
    }

    public static TableSchema<SectionItem> section() {
        return SectionItemSchema.SCHEMA;
    }

    public static TableSchema<UnitItem> unit() {
        return UnitItemSchema.SCHEMA;
    }

    public static TableSchema<TaskItem> task() {
        return TaskItemSchema.SCHEMA;
    }

    public static TableSchema<StateItem> state() {
        return StateItemSchema.SCHEMA;
    }

    public static TableSchema<SubmissionItem> submission() {
        return SubmissionItemSchema.SCHEMA;
    }

    public static TableSchema<DigestItem> digest() {
        return DigestItemSchema.SCHEMA;
    }

    public static TableSchema<SnapshotItem> snapshot() {
        return SnapshotItemSchema.SCHEMA;
    }

    /** Used to write the nested {@code latest} map of a state item in an UpdateItem expression. */
    public static TableSchema<SubmissionData> submissionData() {
        return SubmissionDataSchema.SCHEMA;
    }

    private ItemSchemas() {
    }

    private static final class PlanItemSchema {
        static final TableSchema<PlanItem> SCHEMA = TableSchema.fromBean(PlanItem.class);
    }

    private static final class SectionItemSchema {
        static final TableSchema<SectionItem> SCHEMA = TableSchema.fromBean(SectionItem.class);
    }

    private static final class UnitItemSchema {
        static final TableSchema<UnitItem> SCHEMA = TableSchema.fromBean(UnitItem.class);
    }

    private static final class TaskItemSchema {
        static final TableSchema<TaskItem> SCHEMA = TableSchema.fromBean(TaskItem.class);
    }

    private static final class StateItemSchema {
        static final TableSchema<StateItem> SCHEMA = TableSchema.fromBean(StateItem.class);
    }

    private static final class SubmissionItemSchema {
        static final TableSchema<SubmissionItem> SCHEMA = TableSchema.fromBean(SubmissionItem.class);
    }

    private static final class DigestItemSchema {
        static final TableSchema<DigestItem> SCHEMA = TableSchema.fromBean(DigestItem.class);
    }

    private static final class SnapshotItemSchema {
        static final TableSchema<SnapshotItem> SCHEMA = TableSchema.fromBean(SnapshotItem.class);
    }

    private static final class SubmissionDataSchema {
        static final TableSchema<SubmissionData> SCHEMA = TableSchema.fromBean(SubmissionData.class);
    }
}
