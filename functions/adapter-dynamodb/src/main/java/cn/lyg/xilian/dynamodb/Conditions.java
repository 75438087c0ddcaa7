package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.Map;

/** Small expression and key helpers shared by the repositories. */
final class Conditions {

    /** Put only if no item with this key exists (create-once semantics). */
    static final String ITEM_ABSENT = "attribute_not_exists(" + TableDefinition.PK + ")";

    private Conditions() {
    }

    /** A put of {@code item} that fails with ConditionalCheckFailedException when its key is taken. */
    static PutItemRequest putIfAbsent(String tableName, Map<String, AttributeValue> item) {
        return PutItemRequest.builder().tableName(tableName).item(item).conditionExpression(ITEM_ABSENT).build();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableDefinition.PK, AttributeValue.fromS(pk), TableDefinition.SK, AttributeValue.fromS(sk));
    }
}
