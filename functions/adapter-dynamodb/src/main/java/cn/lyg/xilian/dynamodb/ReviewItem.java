package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * A review in the task's supervision partition {@code PLAN#Y#SUP#<taskId>}: the review of one report, sk
 * {@code REVIEW#<unit>#<submissionKey>} (type {@code REVIEW}, with the delivery of its 退回 email:
 * {@code notifiedAt},
 * {@code messageId}), or a reviewer's request key, sk {@code REVIEWKEY#<key>} (type {@code REVIEW_KEY}, the review
 * first asked under it). The year and task come from the partition key.
 */
record ReviewItem(String pk, String sk, String type, String unitId, String submissionKey, ReviewDecision decision,
                  String reason, String idempotencyKey, Instant reviewedAt, Instant notifiedAt, String messageId)
        implements SupervisionPartition.Item {

    static final TableSchema<ReviewItem> SCHEMA;

    static {
        var s = ItemSchema.item(ReviewItem.class);
        var type = s.string("type", ReviewItem::type);
        var unitId = s.string("unitId", ReviewItem::unitId);
        var submissionKey = s.string("submissionKey", ReviewItem::submissionKey);
        var decision = s.enumeration("decision", ReviewDecision.class, ReviewItem::decision);
        var reason = s.string("reason", ReviewItem::reason);
        var idempotencyKey = s.string("idempotencyKey", ReviewItem::idempotencyKey);
        var reviewedAt = s.time("reviewedAt", ReviewItem::reviewedAt);
        var notifiedAt = s.time("notifiedAt", ReviewItem::notifiedAt);
        var messageId = s.string("messageId", ReviewItem::messageId);
        SCHEMA = s.build(v -> new ReviewItem(v.pk(), v.sk(), v.get(type), v.get(unitId), v.get(submissionKey),
                v.get(decision), v.get(reason), v.get(idempotencyKey), v.get(reviewedAt), v.get(notifiedAt),
                v.get(messageId)));
    }

    /** The review of a report. */
    static ReviewItem review(Review r) {
        return of(r, Keys.reviewSk(r.unitId(), r.submissionKey()), "REVIEW");
    }

    /** The request key's record, holding the review first asked under it. */
    static ReviewItem requestKey(Review r) {
        return of(r, Keys.reviewKeySk(r.idempotencyKey()), "REVIEW_KEY");
    }

    private static ReviewItem of(Review r, String sk, String type) {
        return new ReviewItem(Keys.supervisionPk(r.planYear(), r.taskId()), sk, type, r.unitId(), r.submissionKey(),
                r.decision(), r.reason(), r.idempotencyKey(), r.reviewedAt(), null, null);
    }

    /** The review's key and the delivery of its email, nothing else: what an update sets. */
    static ReviewItem notified(Review r, String messageId, Instant at) {
        return new ReviewItem(Keys.supervisionPk(r.planYear(), r.taskId()),
                Keys.reviewSk(r.unitId(), r.submissionKey()), null, null, null, null, null, null, null, at, messageId);
    }

    static Key key(int year, String taskId, String unitId, String submissionKey) {
        return DynamoStore.key(Keys.supervisionPk(year, taskId), Keys.reviewSk(unitId, submissionKey));
    }

    Review review() {
        return new Review(Keys.supervisionYear(pk), Keys.supervisionTask(pk), unitId, submissionKey, decision, reason,
                idempotencyKey, reviewedAt);
    }
}
