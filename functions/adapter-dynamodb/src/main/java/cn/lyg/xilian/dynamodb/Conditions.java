package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.Map;
import java.util.Optional;

/** Small key, expression and request helpers shared by the repositories. */
final class Conditions {

    /** Put only if no item with this key exists (create-once semantics). */
    static final String ITEM_ABSENT = "attribute_not_exists(" + TableDefinition.PK + ")";

    /** Update only an item that exists (an update never creates it). */
    static final String ITEM_EXISTS = "attribute_exists(" + TableDefinition.PK + ")";

    private Conditions() {
    }

    /** A put of {@code item} that fails with ConditionalCheckFailedException when its key is taken. */
    static PutItemRequest putIfAbsent(String tableName, Map<String, AttributeValue> item) {
        return PutItemRequest.builder().tableName(tableName).item(item).conditionExpression(ITEM_ABSENT).build();
    }

    /**
     * The item under a key, read consistently: a write this process just made (a claim, a stored report, a
     * revocation) must be seen, or a retry would act twice.
     */
    static Optional<Map<String, AttributeValue>> consistentGet(DynamoDbClient client, String tableName,
                                                              Map<String, AttributeValue> key) {
        var response = client.getItem(b -> b.tableName(tableName).consistentRead(true).key(key));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableDefinition.PK, AttributeValue.fromS(pk), TableDefinition.SK, AttributeValue.fromS(sk));
    }
}
