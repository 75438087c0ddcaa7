package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.supervision.ReviewRepository;
import cn.lyg.xilian.core.supervision.Write;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reviews ({@link ReviewItem}) in the task's supervision partition. No transactions: each step is a conditional write
 * that a retry repeats harmlessly, and the state item's overlay ({@code reviewOf…}) is written last, so a crash in
 * between heals on the client's retry.
 */
public final class DynamoReviewRepository extends DynamoStore implements ReviewRepository {

    public DynamoReviewRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    /** {@code REVIEWKEY#<key>}: the request, put once; a taken key is read back. */
    @Override
    public Write<Review> claimReviewKey(Review review) {
        ReviewItem item = ReviewItem.requestKey(review);
        return putIfAbsent(reviews(), item) ? new Write.Stored<>(review)
                : new Write.Taken<>(get(reviews(), key(item.pk(), item.sk())).orElseThrow().review());
    }

    @Override
    public Write<Review> review(Review review) {
        Review stored = new Review(review.planYear(), review.taskId(), review.unitId(), review.submissionKey(),
                review.decision(), review.reason(), review.idempotencyKey(), millis(review.reviewedAt()));
        ReviewItem item = ReviewItem.review(stored);
        if (!putIfAbsent(reviews(), item)) {
            Review original = get(reviews(), key(item.pk(), item.sk())).orElseThrow().review();
            markState(original); // a retry after a crash before the state update completes it
            return new Write.Taken<>(original);
        }
        markState(stored);
        return new Write.Stored<>(stored);
    }

    /**
     * The state shows the review only while the reviewed report is its latest. Low-level: it sets the review and
     * removes the reason of an earlier one when this one has none.
     */
    private void markState(Review r) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sub", Conditions.s(r.submissionKey()));
        values.put(":decision", Conditions.s(r.decision().name()));
        values.put(":key", Conditions.s(r.idempotencyKey()));
        values.put(":at", Conditions.s(Keys.time(r.reviewedAt())));
        if (r.reason() != null) {
            values.put(":reason", Conditions.s(r.reason()));
        }
        String update = "SET reviewOf = :sub, reviewDecision = :decision, reviewKey = :key, reviewedAt = :at"
                + (r.reason() != null ? ", reviewReason = :reason" : " REMOVE reviewReason");
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Conditions.key(Keys.planPk(r.planYear()), Keys.state(r.taskId(), r.unitId())))
                    .updateExpression(update)
                    .conditionExpression("#latest.#k = :sub")
                    .expressionAttributeNames(Map.of("#latest", StateItem.LATEST, "#k", SubmissionData.IDEMPOTENCY_KEY))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException notTheLatest) {
            // The unit has reported again: the review stays in the history only.
        }
    }

    @Override
    public Optional<ReviewRecord> findReview(int year, String taskId, String unitId, String submissionKey) {
        return get(reviews(), ReviewItem.key(year, taskId, unitId, submissionKey))
                .map(item -> new ReviewRecord(item.review(), item.notifiedAt()));
    }

    /** Once: a later delivery keeps the first; an unknown review gets no record. */
    @Override
    public void markNotified(Review review, String messageId, Instant at) {
        setIf(reviews(), ReviewItem.notified(review, messageId, at),
                Conditions.when("attribute_exists(pk) AND attribute_not_exists(notifiedAt)"));
    }

    private DynamoDbTable<ReviewItem> reviews() {
        return table(ReviewItem.SCHEMA);
    }
}
