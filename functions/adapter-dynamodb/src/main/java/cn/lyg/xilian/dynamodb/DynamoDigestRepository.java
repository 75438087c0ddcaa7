package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;
import cn.lyg.xilian.dynamodb.item.DigestItem;
import cn.lyg.xilian.dynamodb.item.ItemSchemas;
import cn.lyg.xilian.dynamodb.item.SnapshotItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The weekly digests' delivery records and the week's status snapshot, as infra/dynamodb/TABLE.md
 * describes them ({@code PLAN#Y#DIGEST#W} / recipient id, resp. {@code SNAPSHOT}), without transactions
 * or TTL. Every write is a single-item conditional write, so concurrent or repeated runs converge:
 * <ul>
 *   <li>{@link #claim}: put with {@code attribute_not_exists(pk)}; when the record exists, a consistent
 *   GetItem returns it (a sent one must be seen as sent, or a retry would mail twice);</li>
 *   <li>{@link #markSent}: sets {@code sentAt}/{@code messageId} and removes the sparse pending-index
 *   attributes, only if the record exists and is not sent yet (a repeat keeps the first delivery);</li>
 *   <li>{@link #reopen}: per sent record, generation + 1, delivery attributes removed, back in the pending
 *   index — conditional on the generation read, so two concurrent re-sends reopen a record once.</li>
 * </ul>
 */
public final class DynamoDigestRepository implements DigestRepository {

    private final DynamoDbClient client;
    private final String tableName;
    private final DynamoDbTable<DigestItem> digests;
    private final DynamoDbTable<SnapshotItem> snapshots;

    public DynamoDigestRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, DynamoDbSettings settings) {
        this.client = client;
        this.tableName = settings.tableName();
        this.digests = enhanced.table(tableName, ItemSchemas.digest());
        this.snapshots = enhanced.table(tableName, ItemSchemas.snapshot());
    }

    @Override
    public DigestRecord claim(int planYear, ReportWeek week, String recipientId, Instant now) {
        DigestRecord fresh = DigestRecord.pending(planYear, week, recipientId, truncated(now));
        try {
            digests.putItem(PutItemEnhancedRequest.builder(DigestItem.class)
                    .item(toItem(fresh))
                    .conditionExpression(Conditions.itemAbsent())
                    .build());
            return fresh;
        } catch (ConditionalCheckFailedException exists) {
            DigestItem stored = digests.getItem(r -> r.consistentRead(true)
                    .key(key(planYear, week, recipientId)));
            if (stored == null) {
                // Cannot happen with the current writers (records are never deleted); fail loudly
                // rather than send without a record.
                throw new IllegalStateException("digest record vanished: " + week.id() + " " + recipientId);
            }
            return toRecord(stored);
        }
    }

    @Override
    public void markSent(int planYear, ReportWeek week, String recipientId, String messageId, Instant sentAt) {
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Conditions.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(recipientId)))
                    .updateExpression("SET #sentAt = :at, #messageId = :id REMOVE #gsi2pk, #gsi2sk")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#sentAt)")
                    .expressionAttributeNames(Map.of("#sentAt", DigestItem.SENT_AT, "#messageId", DigestItem.MESSAGE_ID,
                            "#gsi2pk", TableDefinition.GSI2_PK, "#gsi2sk", TableDefinition.GSI2_SK,
                            "#pk", TableDefinition.PK))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(Keys.time(sentAt)),
                            ":id", AttributeValue.fromS(messageId)))
                    .build());
        } catch (ConditionalCheckFailedException sentBeforeOrUnknown) {
            // Already sent: keep the first delivery. Unknown: never create a record here.
        }
    }

    @Override
    public List<DigestRecord> ofWeek(int planYear, ReportWeek week) {
        List<DigestRecord> records = new ArrayList<>();
        digests.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder()
                                .partitionValue(Keys.digestPk(planYear, week.id())).build()))
                        .consistentRead(true)
                        .build())
                .stream().map(Page::items).flatMap(List::stream)
                .filter(item -> !Keys.DIGEST_SNAPSHOT.equals(item.getSk())) // the snapshot shares the partition
                .map(DynamoDigestRepository::toRecord)
                .forEach(records::add);
        return records;
    }

    @Override
    public int reopen(int planYear, ReportWeek week) {
        int reopened = 0;
        for (DigestRecord record : ofWeek(planYear, week)) {
            if (!record.sent()) {
                continue; // still pending: the next run sends it anyway
            }
            try {
                client.updateItem(UpdateItemRequest.builder()
                        .tableName(tableName)
                        .key(Conditions.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(record.recipientId())))
                        .updateExpression("SET #generation = :next, #gsi2pk = :gsi2pk, #gsi2sk = :gsi2sk"
                                + " REMOVE #sentAt, #messageId")
                        .conditionExpression("attribute_exists(#sentAt) AND #generation = :read")
                        .expressionAttributeNames(Map.of("#generation", DigestItem.GENERATION,
                                "#gsi2pk", TableDefinition.GSI2_PK, "#gsi2sk", TableDefinition.GSI2_SK,
                                "#sentAt", DigestItem.SENT_AT, "#messageId", DigestItem.MESSAGE_ID))
                        .expressionAttributeValues(Map.of(
                                ":next", AttributeValue.fromN(Integer.toString(record.generation() + 1)),
                                ":read", AttributeValue.fromN(Integer.toString(record.generation())),
                                ":gsi2pk", AttributeValue.fromS(Keys.pendingPk(planYear)),
                                ":gsi2sk", AttributeValue.fromS(Keys.pendingDigestSk(week.id(), record.recipientId()))))
                        .build());
                reopened++;
            } catch (ConditionalCheckFailedException reopenedMeanwhile) {
                // another re-send got there first: the record is pending again either way
            }
        }
        return reopened;
    }

    @Override
    public Optional<StatusSnapshot> snapshot(int planYear, ReportWeek week) {
        SnapshotItem item = snapshots.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.digestPk(planYear, week.id())).sortValue(Keys.DIGEST_SNAPSHOT).build()));
        if (item == null) {
            return Optional.empty();
        }
        Map<String, ProgressStatus> statuses = new TreeMap<>();
        if (item.getStatusByPair() != null) {
            item.getStatusByPair().forEach((pair, status) -> statuses.put(pair, ProgressStatus.valueOf(status)));
        }
        return Optional.of(new StatusSnapshot(statuses));
    }

    @Override
    public void saveSnapshotIfAbsent(int planYear, ReportWeek week, StatusSnapshot snapshot) {
        SnapshotItem item = new SnapshotItem();
        item.setPk(Keys.digestPk(planYear, week.id()));
        item.setSk(Keys.DIGEST_SNAPSHOT);
        item.setPlanYear(planYear);
        item.setWeekId(week.id());
        Map<String, String> statuses = new TreeMap<>();
        snapshot.statusByPair().forEach((pair, status) -> statuses.put(pair, status.name()));
        item.setStatusByPair(statuses);
        try {
            snapshots.putItem(PutItemEnhancedRequest.builder(SnapshotItem.class)
                    .item(item)
                    .conditionExpression(Conditions.itemAbsent())
                    .build());
        } catch (ConditionalCheckFailedException fixedByAnEarlierRun) {
            // the week's first run fixed the baseline; later runs must not move it
        }
    }

    private static Key key(int planYear, ReportWeek week, String recipientId) {
        return Key.builder().partitionValue(Keys.digestPk(planYear, week.id()))
                .sortValue(Keys.digestSk(recipientId)).build();
    }

    /** Stored with millisecond precision (TABLE.md), so what claim returns is what a read returns. */
    private static Instant truncated(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static DigestItem toItem(DigestRecord record) {
        DigestItem item = new DigestItem();
        item.setPk(Keys.digestPk(record.planYear(), record.weekId()));
        item.setSk(Keys.digestSk(record.recipientId()));
        item.setPlanYear(record.planYear());
        item.setWeekId(record.weekId());
        item.setRecipientId(record.recipientId());
        item.setGeneration(record.generation());
        item.setCreatedAt(Keys.time(record.createdAt()));
        if (record.sent()) {
            item.setSentAt(Keys.time(record.sentAt()));
            item.setMessageId(record.messageId());
        } else {
            item.setGsi2pk(Keys.pendingPk(record.planYear()));
            item.setGsi2sk(Keys.pendingDigestSk(record.weekId(), record.recipientId()));
        }
        return item;
    }

    static DigestRecord toRecord(DigestItem item) {
        return new DigestRecord(item.getPlanYear(), item.getWeekId(), item.getRecipientId(),
                item.getGeneration() == null ? 0 : item.getGeneration(), Keys.parseTime(item.getCreatedAt()),
                item.getSentAt() == null ? null : Keys.parseTime(item.getSentAt()), item.getMessageId());
    }
}
