package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.dynamodb.CatalogItems.CatalogItem;
import cn.lyg.xilian.dynamodb.CatalogItems.PlanHeaderItem;
import cn.lyg.xilian.dynamodb.CatalogItems.SectionItem;
import cn.lyg.xilian.dynamodb.CatalogItems.TaskItem;
import cn.lyg.xilian.dynamodb.CatalogItems.UnitItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in the partition {@code PLAN#Y}, read with one paginated Query and sorted into item types by sort key.
 * The partition holds about 100 catalog items and 130 states, so reading it whole is one or two pages, cheaper than a
 * query per type.
 */
record PlanPartition(PlanHeaderItem header, List<SectionItem> sections, List<UnitItem> units, List<TaskItem> tasks,
                     Map<String, StateItem.StoredState> statesBySk) {

    /** An item of the plan partition: a catalog item or a (task, unit) state. */
    sealed interface Item extends ItemSchema.Keyed permits CatalogItem, StateItem {
    }

    static final TableSchema<Item> SCHEMA = PartitionSchema.of(Item.class)
            .exactly(Keys.META, PlanHeaderItem.class, PlanHeaderItem.SCHEMA)
            .prefixed(Keys.SECTION_PREFIX, SectionItem.class, SectionItem.SCHEMA)
            .prefixed(Keys.UNIT_PREFIX, UnitItem.class, UnitItem.SCHEMA)
            .prefixed(Keys.TASK_PREFIX, TaskItem.class, TaskItem.SCHEMA)
            .prefixed(Keys.STATE_PREFIX, StateItem.class, StateItem.SCHEMA);

    /** The catalog items (not the states). */
    List<CatalogItem> catalogItems() {
        List<CatalogItem> items = new ArrayList<>();
        if (header != null) {
            items.add(header);
        }
        items.addAll(sections);
        items.addAll(units);
        items.addAll(tasks);
        return items;
    }

    static PlanPartition read(DynamoDbTable<Item> partition, int year) {
        PlanHeaderItem header = null;
        List<SectionItem> sections = new ArrayList<>();
        List<UnitItem> units = new ArrayList<>();
        List<TaskItem> tasks = new ArrayList<>();
        Map<String, StateItem.StoredState> states = new LinkedHashMap<>();
        // Every page: DynamoDB and dynalite page at 1 MB.
        for (Item item : DynamoStore.items(partition.query(q -> q.consistentRead(true)
                .queryConditional(DynamoStore.partition(Keys.planPk(year))))).toList()) {
            switch (item) {
                case PlanHeaderItem h -> header = h;
                case SectionItem s -> sections.add(s);
                case UnitItem u -> units.add(u);
                case TaskItem t -> tasks.add(t);
                case StateItem s -> states.put(s.sk(), s.stored());
            }
        }
        return new PlanPartition(header, sections, units, tasks, states);
    }
}
