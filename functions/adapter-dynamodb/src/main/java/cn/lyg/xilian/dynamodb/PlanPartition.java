package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in the partition {@code PLAN#Y}, read with one paginated Query and sorted into item
 * types by sort-key prefix. The partition holds about 100 catalog items and 130 states, so reading
 * it whole is one or two pages, cheaper than a query per type.
 */
record PlanPartition(Map<String, AttributeValue> header, List<Map<String, AttributeValue>> sections,
                     List<Map<String, AttributeValue>> units, List<Map<String, AttributeValue>> tasks,
                     Map<String, StateMapper.StoredState> statesBySk) {

    /** The catalog items (not the states), by sort key. */
    List<Map<String, AttributeValue>> catalogItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        if (header != null) {
            items.add(header);
        }
        items.addAll(sections);
        items.addAll(units);
        items.addAll(tasks);
        return items;
    }

    static PlanPartition read(DynamoDbClient client, String tableName, int year) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableDefinition.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.planPk(year))))
                .consistentRead(true)
                .build();
        Map<String, AttributeValue> header = null;
        List<Map<String, AttributeValue>> sections = new ArrayList<>();
        List<Map<String, AttributeValue>> units = new ArrayList<>();
        List<Map<String, AttributeValue>> tasks = new ArrayList<>();
        Map<String, StateMapper.StoredState> states = new LinkedHashMap<>();
        // The paginator follows LastEvaluatedKey: DynamoDB and dynalite page at 1 MB.
        for (Map<String, AttributeValue> raw : client.queryPaginator(request).items()) {
            String sk = raw.get(TableDefinition.SK).s();
            if (sk.equals(Keys.META)) {
                header = raw;
            } else if (sk.startsWith(Keys.SECTION_PREFIX)) {
                sections.add(raw);
            } else if (sk.startsWith(Keys.UNIT_PREFIX)) {
                units.add(raw);
            } else if (sk.startsWith(Keys.TASK_PREFIX)) {
                tasks.add(raw);
            } else if (sk.startsWith(Keys.STATE_PREFIX)) {
                states.put(sk, StateMapper.fromItem(raw));
            }
            // Other item types added to the partition later are not ours to interpret.
        }
        return new PlanPartition(header, sections, units, tasks, states);
    }
}
