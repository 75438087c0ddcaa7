package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.alert.AlertRecord;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Finding;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.alert.AlertRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Alerts as infra/dynamodb/TABLE.md describes them ("Alerts and digests"), without transactions or TTL:
 * <ol>
 *   <li>{@link #recordIfAbsent}: a put with {@code attribute_not_exists(pk)} — the key names (task, unit,
 *   rule, threshold or period), so a second run, a concurrent run or the stream and the daily scan
 *   racing on the same submission create it once;</li>
 *   <li>the new item carries {@code pendingTo} (audiences still waiting) and the sparse gsi2 attributes
 *   {@code PLAN#Y#PENDING} / {@code ALERT#<sk>}: the backlog is one index query, never a scan of
 *   history;</li>
 *   <li>{@link #markDelivered}: one update per audience after the transport accepted its email; when
 *   the last audience is gone a second update removes the index attributes. A crash between the two
 *   leaves an item in the index with nobody pending, which {@link #pending} ignores and tidies.</li>
 * </ol>
 * The index is eventually consistent in DynamoDB: {@link #pending} only uses it to find keys and
 * re-reads the items with a consistent BatchGetItem, so an alert delivered a moment ago is never offered
 * again because of index lag (that would be a duplicate email).
 */
public final class DynamoAlertRepository extends DynamoStore implements AlertRepository {

    static final String PENDING_TO = "pendingTo";
    static final String DELIVERED = "delivered";
    static final String INDEX_SK_PREFIX = "ALERT#";
    /** BatchGetItem takes at most 100 keys. */
    private static final int BATCH_GET_LIMIT = 100;
    /** Separator of {@link Finding#key()}: "year|task|unit|RULE|occurrence". */
    private static final String FINDING_KEY_SEPARATOR = "\\|";

    public DynamoAlertRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public boolean recordIfAbsent(AlertRecord alert) {
        try {
            client.putItem(Conditions.putIfAbsent(table, toItem(alert)));
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public List<AlertRecord> pending(int planYear) {
        var keysOnly = KeyQuery.on(table, Keys.pendingPk(planYear)).index(TableDefinition.GSI2)
                .beginsWith(INDEX_SK_PREFIX).request(TableDefinition.PK, TableDefinition.SK);
        List<Map<String, AttributeValue>> keys = client.queryPaginator(keysOnly).items().stream().toList();
        List<AlertRecord> pending = new ArrayList<>();
        for (Map<String, AttributeValue> item : consistentGet(keys)) {
            AlertRecord alert = toRecord(item);
            if (alert.isPending()) {
                pending.add(alert);
            } else { // left over by a crash between the two updates
                removeFromIndex(item.get(TableDefinition.PK).s(), item.get(TableDefinition.SK).s());
            }
        }
        return pending;
    }

    @Override
    public void markDelivered(String alertKey, Audience audience, Instant deliveredAt) {
        Map<String, AttributeValue> key = keyOf(alertKey);
        UpdateItemResponse updated;
        try {
            updated = client.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key)
                    // if_not_exists keeps the first delivery time when a retry marks it again.
                    .updateExpression("SET #delivered.#audience = if_not_exists(#delivered.#audience, :at)"
                            + " DELETE #pendingTo :audienceSet")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#delivered", DELIVERED, "#audience", audience.key(),
                            "#pendingTo", PENDING_TO, "#pk", TableDefinition.PK))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(Keys.time(deliveredAt)),
                            ":audienceSet", AttributeValue.fromSs(List.of(audience.key()))))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
        } catch (ConditionalCheckFailedException unknownAlert) {
            return; // nothing was recorded under this key: nothing to mark (and never create a stub)
        }
        if (!updated.attributes().containsKey(PENDING_TO)) {
            removeFromIndex(key.get(TableDefinition.PK).s(), key.get(TableDefinition.SK).s());
        }
    }

    /** Drops the sparse index attributes, but only if nobody is pending (a guard, pendingTo never grows). */
    private void removeFromIndex(String pk, String sk) {
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(Conditions.key(pk, sk))
                    .updateExpression("REMOVE #gsi2pk, #gsi2sk")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#pendingTo)")
                    .expressionAttributeNames(Map.of("#gsi2pk", TableDefinition.GSI2_PK,
                            "#gsi2sk", TableDefinition.GSI2_SK, "#pk", TableDefinition.PK,
                            "#pendingTo", PENDING_TO))
                    .build());
        } catch (ConditionalCheckFailedException stillPending) {
            // cannot happen with the current writers; leaving it indexed is the safe side
        }
    }

    private List<Map<String, AttributeValue>> consistentGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT)))
                    .consistentRead(true).build());
            while (!request.isEmpty()) {
                BatchGetItemResponse response = client.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(request).build());
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        items.sort(Comparator.comparing(item -> item.get(TableDefinition.SK).s()));
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

    /**
     * The alert item: pk {@code PLAN#Y#ALERT}, sk {@code <taskId>#<unitId>#<rule>#<occurrence>}. Created once;
     * afterwards only the delivery attributes change: {@code audiences} (every audience key it must reach,
     * fixed), {@code pendingTo} (those still waiting; DynamoDB drops the set with its last member),
     * {@code delivered} (audience key → time) and the sparse gsi2 keys, present only while {@code pendingTo} is.
     */
    static Map<String, AttributeValue> toItem(AlertRecord alert) {
        Finding f = alert.finding();
        String sk = Keys.alertSk(f.taskId(), f.unitId(), f.rule().name(), f.occurrence());
        Map<String, String> delivered = new HashMap<>();
        alert.deliveredTo().forEach(a -> delivered.put(a.key(), Keys.time(alert.recordedAt())));
        Set<String> pendingTo = audienceKeys(alert.pendingAudiences());
        boolean waiting = !pendingTo.isEmpty();
        return Attributes.item()
                .key(Keys.alertPk(f.planYear()), sk)
                .s(TableDefinition.GSI2_PK, waiting ? Keys.pendingPk(f.planYear()) : null)
                .s(TableDefinition.GSI2_SK, waiting ? INDEX_SK_PREFIX + sk : null)
                .n("planYear", f.planYear())
                .s("taskId", f.taskId())
                .s("unitId", f.unitId())
                .s("rule", f.rule().name())
                .s("light", f.light().name())
                .s("occurrence", f.occurrence())
                .s("reason", f.reason())
                .s("foundOn", f.foundOn().toString())
                .time("recordedAt", alert.recordedAt())
                .ss("audiences", audienceKeys(alert.audiences()))
                .ss(PENDING_TO, pendingTo) // DynamoDB has no empty sets: absent means "nobody waiting"
                .stringMap(DELIVERED, delivered) // present even when empty: markDelivered sets a path inside it
                .build();
    }

    static AlertRecord toRecord(Map<String, AttributeValue> raw) {
        var item = Attributes.of(raw);
        Finding finding = new Finding(item.n("planYear"), item.s("taskId"), item.s("unitId"),
                item.enumValue("rule", Rule.class), item.enumValue("light", Light.class), item.s("occurrence"),
                item.s("reason"), LocalDate.parse(item.s("foundOn")));
        Set<Audience> audiences = audiences(item.ss("audiences"));
        // Delivered = recorded deliveries; an audience no longer in pendingTo counts as delivered too.
        Set<Audience> delivered = new LinkedHashSet<>(audiences(item.stringMap(DELIVERED).keySet()));
        Set<Audience> stillPending = audiences(item.ss(PENDING_TO));
        audiences.stream().filter(a -> !stillPending.contains(a)).forEach(delivered::add);
        return new AlertRecord(finding, audiences, delivered, item.time("recordedAt"));
    }

    private static Set<String> audienceKeys(java.util.Collection<Audience> audiences) {
        return audiences.stream().map(Audience::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Audience> audiences(Set<String> keys) {
        return keys.stream().map(Audience::ofKey).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
