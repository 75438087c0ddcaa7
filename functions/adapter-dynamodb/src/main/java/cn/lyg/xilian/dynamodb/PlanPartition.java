package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.dynamodb.item.ItemSchemas;
import cn.lyg.xilian.dynamodb.item.PlanItem;
import cn.lyg.xilian.dynamodb.item.SectionItem;
import cn.lyg.xilian.dynamodb.item.StateItem;
import cn.lyg.xilian.dynamodb.item.TaskItem;
import cn.lyg.xilian.dynamodb.item.UnitItem;
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
record PlanPartition(PlanItem header, List<SectionItem> sections, List<UnitItem> units, List<TaskItem> tasks,
                     Map<String, StateItem> statesBySk) {

    static PlanPartition read(DynamoDbClient client, String tableName, int year) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableDefinition.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.planPk(year))))
                .consistentRead(true)
                .build();
        PlanItem header = null;
        List<SectionItem> sections = new ArrayList<>();
        List<UnitItem> units = new ArrayList<>();
        List<TaskItem> tasks = new ArrayList<>();
        Map<String, StateItem> states = new LinkedHashMap<>();
        // The paginator follows LastEvaluatedKey: DynamoDB and dynalite page at 1 MB.
        for (Map<String, AttributeValue> raw : client.queryPaginator(request).items()) {
            String sk = raw.get(TableDefinition.SK).s();
            if (sk.equals(Keys.META)) {
                header = ItemSchemas.plan().mapToItem(raw);
            } else if (sk.startsWith(Keys.SECTION_PREFIX)) {
                sections.add(ItemSchemas.section().mapToItem(raw));
            } else if (sk.startsWith(Keys.UNIT_PREFIX)) {
                units.add(ItemSchemas.unit().mapToItem(raw));
            } else if (sk.startsWith(Keys.TASK_PREFIX)) {
                tasks.add(ItemSchemas.task().mapToItem(raw));
            } else if (sk.startsWith(Keys.STATE_PREFIX)) {
                states.put(sk, ItemSchemas.state().mapToItem(raw));
            }
            // Other item types added to the partition later are not ours to interpret.
        }
        return new PlanPartition(header, sections, units, tasks, states);
    }
}
