package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.alert.AlertRecord;
import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Finding;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Alerts ({@link AlertItem}) as infra/dynamodb/TABLE.md describes them ("Alerts and digests"), without transactions
 * or TTL:
 * <ol>
 *   <li>{@link #recordIfAbsent}: a put with {@code attribute_not_exists(pk)} — the key names (task, unit,
 *   rule, threshold or period), so a second run, a concurrent run or the stream and the daily scan
 *   racing on the same submission create it once;</li>
 *   <li>the new item carries {@code pendingTo} (audiences still waiting) and the sparse gsi2 keys: the backlog is one
 *   index query, never a scan of history;</li>
 *   <li>{@link #markDelivered}: one update per audience after the transport accepted its email; when
 *   the last audience is gone a second update removes the index attributes. A crash between the two
 *   leaves an item in the index with nobody pending, which {@link #pending} ignores and tidies.</li>
 * </ol>
 * The index is eventually consistent in DynamoDB: {@link #pending} only uses it to find keys and
 * re-reads the items with a consistent BatchGetItem, so an alert delivered a moment ago is never offered
 * again because of index lag (that would be a duplicate email).
 */
public final class DynamoAlertRepository extends DynamoStore implements AlertRepository {

    /** BatchGetItem takes at most 100 keys. */
    private static final int BATCH_GET_LIMIT = 100;
    /** Separator of {@link Finding#key()}: "year|task|unit|RULE|occurrence". */
    private static final String FINDING_KEY_SEPARATOR = "\\|";

    public DynamoAlertRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public boolean recordIfAbsent(AlertRecord alert) {
        return putIfAbsent(alerts(), AlertItem.of(alert));
    }

    @Override
    public List<AlertRecord> pending(int planYear) {
        List<Key> keys = items(pendingIndex().query(q -> q
                .queryConditional(beginsWith(Keys.pendingPk(planYear), AlertItem.INDEX_SK_PREFIX))
                .attributesToProject(TableDefinition.PK, TableDefinition.SK)))
                .map(item -> key(item.pk(), item.sk())).toList();
        List<AlertRecord> pending = new ArrayList<>();
        for (AlertItem item : consistentGet(keys)) {
            AlertRecord alert = item.alert();
            if (alert.isPending()) {
                pending.add(alert);
            } else { // left over by a crash between the two updates
                leaveIndexOnceEmpty(item.pk(), item.sk(), AlertItem.PENDING_TO, AlertItem.CHAT_PENDING_TO);
            }
        }
        return pending;
    }

    /**
     * Low-level: a path inside the {@code delivered} map kept by {@code if_not_exists} (a retry keeps the first
     * delivery time) and {@code DELETE} of the audience from the {@code pendingTo} set, returning the item.
     */
    @Override
    public void markDelivered(String alertKey, Audience audience, Instant deliveredAt) {
        mark(alertKey, audience, deliveredAt, AlertItem.DELIVERED, AlertItem.PENDING_TO);
    }

    /** As {@link #markDelivered} on the group-chat attributes ({@code chatSent}, {@code chatPendingTo}). */
    @Override
    public void markChatDelivered(String alertKey, Audience audience, Instant deliveredAt) {
        mark(alertKey, audience, deliveredAt, AlertItem.CHAT_SENT, AlertItem.CHAT_PENDING_TO);
    }

    /** The item leaves the pending index once neither channel waits. */
    private void mark(String alertKey, Audience audience, Instant deliveredAt, String deliveredMap, String pendingSet) {
        Map<String, AttributeValue> key = keyOf(alertKey);
        UpdateItemResponse updated;
        try {
            updated = client.updateItem(b -> b.tableName(tableName).key(key)
                    .updateExpression("SET #delivered.#audience = if_not_exists(#delivered.#audience, :at)"
                            + " DELETE #pendingTo :audienceSet")
                    .conditionExpression("attribute_exists(#pk) AND attribute_exists(#delivered)")
                    .expressionAttributeNames(Map.of("#delivered", deliveredMap, "#audience", audience.key(),
                            "#pendingTo", pendingSet, "#pk", TableDefinition.PK))
                    .expressionAttributeValues(Map.of(":at", Conditions.s(Keys.time(deliveredAt)),
                            ":audienceSet", AttributeValue.fromSs(List.of(audience.key()))))
                    .returnValues(ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException unknownAlert) {
            return; // nothing was recorded under this key (or no such channel): nothing to mark, never create a stub
        }
        if (!updated.attributes().containsKey(AlertItem.PENDING_TO)
                && !updated.attributes().containsKey(AlertItem.CHAT_PENDING_TO)) {
            leaveIndexOnceEmpty(key.get(TableDefinition.PK).s(), key.get(TableDefinition.SK).s(),
                    AlertItem.PENDING_TO, AlertItem.CHAT_PENDING_TO);
        }
    }

    /** Consistent BatchGetItems of at most 100 keys; the Enhanced Client asks again for unprocessed keys. */
    private List<AlertItem> consistentGet(List<Key> keys) {
        List<AlertItem> items = new ArrayList<>();
        DynamoDbTable<AlertItem> alerts = alerts();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            ReadBatch.Builder<AlertItem> batch = ReadBatch.builder(AlertItem.class).mappedTableResource(alerts);
            keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT))
                    .forEach(k -> batch.addGetItem(r -> r.key(k).consistentRead(true)));
            enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(alerts).forEach(items::add);
        }
        items.sort(Comparator.comparing(AlertItem::sk));
        return items;
    }

    static Map<String, AttributeValue> keyOf(String alertKey) {
        String[] parts = alertKey.split(FINDING_KEY_SEPARATOR, 5);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not an alert key: " + alertKey);
        }
        return Conditions.key(Keys.alertPk(Integer.parseInt(parts[0])),
                Keys.alertSk(parts[1], parts[2], parts[3], parts[4]));
    }

    private DynamoDbTable<AlertItem> alerts() {
        return table(AlertItem.SCHEMA);
    }

    private DynamoDbIndex<AlertItem> pendingIndex() {
        return alerts().index(TableDefinition.GSI2);
    }
}
