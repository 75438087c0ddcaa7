package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/** The condition expressions the repositories share, and the few helpers their low-level updates need. */
final class Conditions {

    /** Put only if no item with this key exists (create-once semantics). */
    static final Expression ITEM_ABSENT = when("attribute_not_exists(" + TableDefinition.PK + ")");

    /** Update only an item that exists (an update never creates it). */
    static final Expression ITEM_EXISTS = when("attribute_exists(" + TableDefinition.PK + ")");

    private Conditions() {
    }

    /**
     * A condition with its placeholders, given as placeholder, value, placeholder, value …: a {@code :value}
     * placeholder takes a value, a {@code #name} placeholder an attribute name.
     */
    static Expression when(String expression, Object... placeholdersAndValues) {
        Expression.Builder b = Expression.builder().expression(expression);
        for (int i = 0; i < placeholdersAndValues.length; i += 2) {
            String placeholder = (String) placeholdersAndValues[i];
            if (placeholder.startsWith("#")) {
                b.putExpressionName(placeholder, (String) placeholdersAndValues[i + 1]);
            } else {
                b.putExpressionValue(placeholder, value(placeholdersAndValues[i + 1]));
            }
        }
        return b.build();
    }

    /** The key of an item, for the low-level client. */
    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableDefinition.PK, s(pk), TableDefinition.SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** Strings as they are, times as the table stores them ({@link Keys#time}), numbers as numbers. */
    private static AttributeValue value(Object value) {
        return switch (value) {
            case String text -> s(text);
            case Instant time -> s(Keys.time(time));
            case Number number -> AttributeValue.fromN(number.toString());
            case AttributeValue raw -> raw;
            default -> throw new IllegalArgumentException("no attribute value for " + value.getClass());
        };
    }
}
