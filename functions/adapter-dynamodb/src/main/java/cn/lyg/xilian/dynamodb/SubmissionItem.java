package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.Submission;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The history item of a submission (TABLE.md, "submission"): pk {@code PLAN#Y#TASK#<taskId>}, sk
 * {@code SUB#<unitId>#<key>} (the idempotency record), the unit's gsi1 partition (per task, then time order) and the
 * week's gsi2 partition, and the submission's content ({@link SubmissionData}) flat beside the keys.
 */
record SubmissionItem(String pk, String sk, String gsi1pk, String gsi1sk, String gsi2pk, String gsi2sk,
                      SubmissionData data) implements ItemSchema.Keyed {

    static final TableSchema<SubmissionItem> SCHEMA;

    static {
        var s = ItemSchema.item(SubmissionItem.class);
        var gsi1pk = s.gsi1pk(SubmissionItem::gsi1pk);
        var gsi1sk = s.gsi1sk(SubmissionItem::gsi1sk);
        var gsi2pk = s.gsi2pk(SubmissionItem::gsi2pk);
        var gsi2sk = s.gsi2sk(SubmissionItem::gsi2sk);
        var data = s.flatten(SubmissionData.SCHEMA, SubmissionItem::data);
        SCHEMA = s.build(v -> new SubmissionItem(v.pk(), v.sk(), v.get(gsi1pk), v.get(gsi1sk), v.get(gsi2pk),
                v.get(gsi2sk), v.get(data)));
    }

    static SubmissionItem of(Submission s) {
        return new SubmissionItem(Keys.taskHistoryPk(s.planYear(), s.taskId()),
                Keys.submissionSk(s.unitId(), s.idempotencyKey()), Keys.unitIndexPk(s.planYear(), s.unitId()),
                Keys.submissionIndexSk(s.taskId(), s.submittedAt(), s.idempotencyKey()),
                Keys.weekPk(s.planYear(), Keys.week(s.submittedAt())),
                Keys.weekSk(s.submittedAt(), s.taskId(), s.unitId()),
                SubmissionData.of(s));
    }

    static Key key(int year, String taskId, String unitId, String idempotencyKey) {
        return DynamoStore.key(Keys.taskHistoryPk(year, taskId), Keys.submissionSk(unitId, idempotencyKey));
    }

    Submission submission() {
        return data.submission();
    }
}
