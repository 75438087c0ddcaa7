package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
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
public final class DynamoDigestRepository extends DynamoStore implements DigestRepository {

    static final String GENERATION = "generation";
    static final String SENT_AT = "sentAt";
    static final String MESSAGE_ID = "messageId";
    private static final String STATUS_BY_PAIR = "statusByPair";

    public DynamoDigestRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public DigestRecord claim(int planYear, ReportWeek week, String recipientId, Instant now) {
        DigestRecord fresh = DigestRecord.pending(planYear, week, recipientId, truncated(now));
        try {
            client.putItem(Conditions.putIfAbsent(table, toItem(fresh)));
            return fresh;
        } catch (ConditionalCheckFailedException exists) {
            // A vanished record cannot happen with the current writers (records are never deleted); fail
            // loudly rather than send without a record.
            return get(Keys.digestPk(planYear, week.id()), Keys.digestSk(recipientId))
                    .map(DynamoDigestRepository::toRecord)
                    .orElseThrow(() -> new IllegalStateException("digest record vanished: " + week.id() + " " + recipientId));
        }
    }

    @Override
    public void markSent(int planYear, ReportWeek week, String recipientId, String messageId, Instant sentAt) {
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(Conditions.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(recipientId)))
                    .updateExpression("SET #sentAt = :at, #messageId = :id REMOVE #gsi2pk, #gsi2sk")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#sentAt)")
                    .expressionAttributeNames(Map.of("#sentAt", SENT_AT, "#messageId", MESSAGE_ID,
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
        return KeyQuery.on(table, Keys.digestPk(planYear, week.id())).consistent().items(client)
                // the snapshot shares the partition
                .filter(item -> !Keys.DIGEST_SNAPSHOT.equals(item.get(TableDefinition.SK).s()))
                .map(DynamoDigestRepository::toRecord)
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
                client.updateItem(UpdateItemRequest.builder()
                        .tableName(table)
                        .key(Conditions.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(record.recipientId())))
                        .updateExpression("SET #generation = :next, #gsi2pk = :gsi2pk, #gsi2sk = :gsi2sk"
                                + " REMOVE #sentAt, #messageId")
                        .conditionExpression("attribute_exists(#sentAt) AND #generation = :read")
                        .expressionAttributeNames(Map.of("#generation", GENERATION,
                                "#gsi2pk", TableDefinition.GSI2_PK, "#gsi2sk", TableDefinition.GSI2_SK,
                                "#sentAt", SENT_AT, "#messageId", MESSAGE_ID))
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
        return get(Keys.digestPk(planYear, week.id()), Keys.DIGEST_SNAPSHOT).map(item -> {
            Map<String, ProgressStatus> statuses = new TreeMap<>();
            Attributes.of(item).stringMap(STATUS_BY_PAIR)
                    .forEach((pair, status) -> statuses.put(pair, ProgressStatus.valueOf(status)));
            return new StatusSnapshot(statuses);
        });
    }

    /**
     * The week's end-of-week statuses: pk {@code PLAN#Y#DIGEST#W}, sk {@code SNAPSHOT}, about 130 entries
     * ("3.1.2#ganyu" → status name, a native map) in one item, written once by the week's first summary run.
     */
    @Override
    public void saveSnapshotIfAbsent(int planYear, ReportWeek week, StatusSnapshot snapshot) {
        Map<String, String> statuses = new TreeMap<>();
        snapshot.statusByPair().forEach((pair, status) -> statuses.put(pair, status.name()));
        try {
            client.putItem(Conditions.putIfAbsent(table, Attributes.item()
                    .key(Keys.digestPk(planYear, week.id()), Keys.DIGEST_SNAPSHOT)
                    .n("planYear", planYear)
                    .s("weekId", week.id())
                    .stringMap(STATUS_BY_PAIR, statuses)
                    .build()));
        } catch (ConditionalCheckFailedException fixedByAnEarlierRun) {
            // the week's first run fixed the baseline; later runs must not move it
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return Conditions.consistentGet(client, table, Conditions.key(pk, sk));
    }

    /** Stored with millisecond precision (TABLE.md), so what claim returns is what a read returns. */
    private static Instant truncated(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * The delivery record of one week's mail to one recipient: pk {@code PLAN#Y#DIGEST#W}, sk the recipient id.
     * {@code sentAt}/{@code messageId} are absent while pending; {@code generation} is 0, +1 per admin re-send
     * (part of the Message-ID); the gsi2 keys ({@code PLAN#Y#PENDING} / {@code DIGEST#<W>#<recipient>}) are
     * present only while unsent, so the pending index stays as small as the backlog.
     */
    static Map<String, AttributeValue> toItem(DigestRecord record) {
        return Attributes.item()
                .key(Keys.digestPk(record.planYear(), record.weekId()), Keys.digestSk(record.recipientId()))
                .s(TableDefinition.GSI2_PK, record.sent() ? null : Keys.pendingPk(record.planYear()))
                .s(TableDefinition.GSI2_SK, record.sent() ? null
                        : Keys.pendingDigestSk(record.weekId(), record.recipientId()))
                .n("planYear", record.planYear())
                .s("weekId", record.weekId())
                .s("recipientId", record.recipientId())
                .n(GENERATION, record.generation())
                .time("createdAt", record.createdAt())
                .time(SENT_AT, record.sent() ? record.sentAt() : null)
                .s(MESSAGE_ID, record.sent() ? record.messageId() : null)
                .build();
    }

    static DigestRecord toRecord(Map<String, AttributeValue> raw) {
        var item = Attributes.of(raw);
        return new DigestRecord(item.n("planYear"), item.s("weekId"), item.s("recipientId"), item.n(GENERATION, 0),
                item.time("createdAt"), item.time(SENT_AT), item.s(MESSAGE_ID));
    }
}
