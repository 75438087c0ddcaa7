package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;
import cn.lyg.xilian.dynamodb.DigestItems.DigestItem;
import cn.lyg.xilian.dynamodb.DigestItems.SnapshotItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly digests' delivery records and the week's status snapshot ({@link DigestItems}), without transactions or
 * TTL. Every write is a single-item conditional write, so concurrent or repeated runs converge:
 * <ul>
 *   <li>{@link #claim}: put with {@code attribute_not_exists(pk)}; when the record exists, a consistent
 *   GetItem returns it (a sent one must be seen as sent, or a retry would mail twice);</li>
 *   <li>{@link #markSent}: sets {@code sentAt}/{@code messageId} and removes the sparse pending-index
 *   attributes, only if the record exists and is not sent yet (a repeat keeps the first delivery);</li>
 *   <li>{@link #reopen}: per sent record, generation + 1, delivery attributes removed, back in the pending
 *   index — conditional on the generation read, so two concurrent re-sends reopen a record once.</li>
 * </ul>
 * Both updates remove chosen attributes, which the Enhanced Client's update cannot: they are low-level.
 */
public final class DynamoDigestRepository extends DynamoStore implements DigestRepository {

    public DynamoDigestRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public DigestRecord claim(int planYear, ReportWeek week, String recipientId, Instant now) {
        // Stored with millisecond precision (TABLE.md), so what claim returns is what a read returns.
        DigestRecord fresh = DigestRecord.pending(planYear, week, recipientId, now.truncatedTo(ChronoUnit.MILLIS));
        if (putIfAbsent(records(), DigestItem.of(fresh))) {
            return fresh;
        }
        // A vanished record cannot happen with the current writers (records are never deleted); fail loudly rather
        // than send without a record.
        return get(records(), DigestItem.key(planYear, week, recipientId)).map(DigestItem::record)
                .orElseThrow(() -> new IllegalStateException(
                        "digest record vanished: " + week.id() + " " + recipientId));
    }

    @Override
    public void markSent(int planYear, ReportWeek week, String recipientId, String messageId, Instant sentAt) {
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Conditions.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(recipientId)))
                    .updateExpression("SET #sentAt = :at, #messageId = :id REMOVE #gsi2pk, #gsi2sk")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#sentAt)")
                    .expressionAttributeNames(Map.of("#sentAt", DigestItem.SENT_AT, "#messageId", DigestItem.MESSAGE_ID,
                            "#gsi2pk", TableDefinition.GSI2_PK, "#gsi2sk", TableDefinition.GSI2_SK,
                            "#pk", TableDefinition.PK))
                    .expressionAttributeValues(Map.of(":at", Conditions.s(Keys.time(sentAt)),
                            ":id", Conditions.s(messageId))));
        } catch (ConditionalCheckFailedException sentBeforeOrUnknown) {
            // Already sent: keep the first delivery. Unknown: never create a record here.
        }
    }

    /** Sets {@code chatSentAt} only if the record exists and has none (a repeat keeps the first). */
    @Override
    public void markChatSent(int planYear, ReportWeek week, String recipientId, Instant sentAt) {
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Conditions.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(recipientId)))
                    .updateExpression("SET #chatSentAt = :at")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#chatSentAt)")
                    .expressionAttributeNames(Map.of("#chatSentAt", DigestItem.CHAT_SENT_AT, "#pk", TableDefinition.PK))
                    .expressionAttributeValues(Map.of(":at", Conditions.s(Keys.time(sentAt)))));
        } catch (ConditionalCheckFailedException sentBeforeOrUnknown) {
            // Already posted: keep the first. Unknown: never create a record here.
        }
    }

    @Override
    public List<DigestRecord> ofWeek(int planYear, ReportWeek week) {
        return items(records().query(q -> q.consistentRead(true)
                .queryConditional(partition(Keys.digestPk(planYear, week.id())))))
                .filter(item -> !Keys.DIGEST_SNAPSHOT.equals(item.sk())) // the snapshot shares the partition
                .map(DigestItem::record)
                .toList();
    }

    @Override
    public int reopen(int planYear, ReportWeek week) {
        int reopened = 0;
        for (DigestRecord record : ofWeek(planYear, week)) {
            if (!record.sent()) {
                continue; // still pending: the next run sends it anyway
            }
            try {
                client.updateItem(b -> b.tableName(tableName)
                        .key(Conditions.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(record.recipientId())))
                        .updateExpression("SET #generation = :next, #gsi2pk = :gsi2pk, #gsi2sk = :gsi2sk"
                                + " REMOVE #sentAt, #messageId, #chatSentAt")
                        .conditionExpression("attribute_exists(#sentAt) AND #generation = :read")
                        .expressionAttributeNames(Map.of("#generation", DigestItem.GENERATION,
                                "#gsi2pk", TableDefinition.GSI2_PK, "#gsi2sk", TableDefinition.GSI2_SK,
                                "#sentAt", DigestItem.SENT_AT, "#messageId", DigestItem.MESSAGE_ID,
                                "#chatSentAt", DigestItem.CHAT_SENT_AT))
                        .expressionAttributeValues(Map.of(
                                ":next", AttributeValue.fromN(Integer.toString(record.generation() + 1)),
                                ":read", AttributeValue.fromN(Integer.toString(record.generation())),
                                ":gsi2pk", Conditions.s(Keys.pendingPk(planYear)),
                                ":gsi2sk", Conditions.s(Keys.pendingDigestSk(week.id(), record.recipientId())))));
                reopened++;
            } catch (ConditionalCheckFailedException reopenedMeanwhile) {
                // another re-send got there first: the record is pending again either way
            }
        }
        return reopened;
    }

    @Override
    public Optional<StatusSnapshot> snapshot(int planYear, ReportWeek week) {
        return get(snapshots(), SnapshotItem.key(planYear, week)).map(SnapshotItem::snapshot);
    }

    /** Once: the week's first run fixes the baseline; later runs must not move it. */
    @Override
    public void saveSnapshotIfAbsent(int planYear, ReportWeek week, StatusSnapshot snapshot) {
        putIfAbsent(snapshots(), SnapshotItem.of(planYear, week, snapshot));
    }

    private DynamoDbTable<DigestItem> records() {
        return table(DigestItem.SCHEMA);
    }

    private DynamoDbTable<SnapshotItem> snapshots() {
        return table(SnapshotItem.SCHEMA);
    }
}
