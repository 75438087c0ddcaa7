package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Small expression and key helpers shared by the repositories. */
final class Conditions {

    private Conditions() {
    }

    /** Put only if no item with this key exists (create-once semantics). */
    static Expression itemAbsent() {
        return Expression.builder()
                .expression("attribute_not_exists(#pk)")
                .putExpressionName("#pk", TableDefinition.PK)
                .build();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableDefinition.PK, AttributeValue.fromS(pk), TableDefinition.SK, AttributeValue.fromS(sk));
    }
}
