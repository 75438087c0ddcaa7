package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Query key condition on the table or one of its indexes: a partition, optionally a sort-key prefix or an
 * inclusive range. The key attribute names follow from the index name ({@link TableDefinition}), so callers
 * only name values, which all come from {@link Keys}.
 */
record KeyQuery(String tableName, String partition, String index, String sortFrom, String sortTo,
                boolean consistentRead) {

    static KeyQuery on(String tableName, String partition) {
        return new KeyQuery(tableName, partition, null, null, null, false);
    }

    KeyQuery index(String indexName) {
        return new KeyQuery(tableName, partition, indexName, sortFrom, sortTo, consistentRead);
    }

    KeyQuery beginsWith(String prefix) {
        return new KeyQuery(tableName, partition, index, prefix, null, consistentRead);
    }

    KeyQuery between(String from, String to) {
        return new KeyQuery(tableName, partition, index, from, to, consistentRead);
    }

    /** A consistent read (tables only: an index is always eventually consistent). */
    KeyQuery consistent() {
        return new KeyQuery(tableName, partition, index, sortFrom, sortTo, true);
    }

    /** Every page: a query result is cut at 1 MB by DynamoDB and dynalite alike. */
    Stream<Map<String, AttributeValue>> items(DynamoDbClient client) {
        return client.queryPaginator(request()).items().stream();
    }

    /** The request; with {@code projection}, only those attributes are returned. */
    QueryRequest request(String... projection) {
        TableDefinition.IndexKeys keys = TableDefinition.keysOf(index);
        Map<String, String> names = new HashMap<>(Map.of("#kh", keys.hashKey()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(partition)));
        String condition = "#kh = :pk";
        if (sortFrom != null) {
            names.put("#kr", keys.rangeKey());
            values.put(":from", AttributeValue.fromS(sortFrom));
            if (sortTo == null) {
                condition += " AND begins_with(#kr, :from)";
            } else {
                values.put(":to", AttributeValue.fromS(sortTo));
                condition += " AND #kr BETWEEN :from AND :to";
            }
        }
        List<String> projected = new ArrayList<>();
        for (int i = 0; i < projection.length; i++) {
            names.put("#p" + i, projection[i]);
            projected.add("#p" + i);
        }
        return QueryRequest.builder().tableName(tableName).indexName(index).keyConditionExpression(condition)
                .projectionExpression(projected.isEmpty() ? null : String.join(", ", projected))
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .consistentRead(consistentRead ? Boolean.TRUE : null).build();
    }
}
