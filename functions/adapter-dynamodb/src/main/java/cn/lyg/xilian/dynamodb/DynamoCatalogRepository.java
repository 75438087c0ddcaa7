package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.item.CatalogItem;
import cn.lyg.xilian.dynamodb.item.ItemSchemas;
import cn.lyg.xilian.dynamodb.item.StateItem;
import cn.lyg.xilian.dynamodb.item.TaskItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog in the plan partition {@code PLAN#Y}. See infra/dynamodb/TABLE.md, "Catalog load".
 *
 * <p>A load reads the partition once, then writes only what differs: catalog items whose content hash
 * changed or that are new, catalog items no longer in the plan (deleted), and state items of
 * (task, unit) pairs that appeared or disappeared. A pair that disappears keeps its state item when it
 * has reported (marked unassigned, hidden from state views, restored if a later plan assigns it again);
 * a pair that never reported is deleted. Reported progress is never erased by a load.
 *
 * <p>Counts: catalog items and assigned state items of the new plan; a deleted or unassigned item
 * counts as updated.
 */
public final class DynamoCatalogRepository implements CatalogRepository {

    private static final String CONTENT_HASH = "contentHash";

    private final DynamoDbClient client;
    /** Only writes use it; reads go through the low-level client. */
    private final Supplier<DynamoDbEnhancedClient> enhanced;
    private final String tableName;

    public DynamoCatalogRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, DynamoDbSettings settings) {
        this(client, () -> enhanced, settings);
    }

    /** With the enhanced client built on first use (the Micronaut factory passes a bean provider). */
    public DynamoCatalogRepository(DynamoDbClient client, Supplier<DynamoDbEnhancedClient> enhanced,
                                   DynamoDbSettings settings) {
        this.client = client;
        this.enhanced = enhanced;
        this.tableName = settings.tableName();
    }

    @Override
    public LoadResult load(Plan plan) {
        int year = plan.year();
        PlanPartition stored = PlanPartition.read(client, tableName, year);
        Counts counts = new Counts();

        Map<String, String> storedHashes = storedHashesBySk(stored);
        for (Desired<?> desired : desiredCatalogItems(plan)) {
            String storedHash = storedHashes.remove(desired.item().getSk());
            if (desired.item().getContentHash().equals(storedHash)) {
                counts.unchanged++;
            } else {
                desired.put(enhanced.get(), tableName);
                if (storedHash == null) {
                    counts.created++;
                } else {
                    counts.updated++;
                }
            }
        }
        // What is left was removed from the plan (a task, unit or section dropped or renumbered).
        for (String removedSk : storedHashes.keySet()) {
            deleteItem(Keys.planPk(year), removedSk);
            counts.updated++;
        }

        Map<String, StateItem> storedStates = new LinkedHashMap<>(stored.statesBySk());
        for (PlanTask task : plan.tasks()) {
            for (String unitId : task.unitIds()) {
                StateItem state = storedStates.remove(Keys.state(task.id(), unitId));
                if (state == null) {
                    if (createState(year, task.id(), unitId)) {
                        counts.created++;
                    } else {
                        counts.updated++;
                    }
                } else if (!Boolean.TRUE.equals(state.getAssigned())) {
                    assign(year, task.id(), unitId, true);
                    counts.updated++;
                } else {
                    counts.unchanged++;
                }
            }
        }
        for (StateItem orphan : storedStates.values()) {
            if (Boolean.TRUE.equals(orphan.getAssigned())) {
                withdraw(year, orphan);
                counts.updated++;
            }
        }
        return new LoadResult(counts.created, counts.updated, counts.unchanged);
    }

    @Override
    public Optional<Plan> plan(int year) {
        PlanPartition stored = PlanPartition.read(client, tableName, year);
        if (stored.header() == null) {
            return Optional.empty();
        }
        return Optional.of(CatalogMapper.plan(stored.header(), stored.sections(), stored.units(), stored.tasks()));
    }

    /** One task, with a GetItem. */
    public Optional<PlanTask> task(int year, String taskId) {
        DynamoDbTable<TaskItem> tasks = enhanced.get().table(tableName, ItemSchemas.task());
        TaskItem item = tasks.getItem(r -> r.key(Key.builder()
                .partitionValue(Keys.planPk(year)).sortValue(Keys.taskSk(taskId)).build()).consistentRead(true));
        return Optional.ofNullable(item).map(CatalogMapper::task);
    }

    private List<Desired<?>> desiredCatalogItems(Plan plan) {
        int year = plan.year();
        List<Desired<?>> items = new ArrayList<>();
        items.add(Desired.of(CatalogMapper.planItem(plan), ItemSchemas.plan()));
        for (int i = 0; i < plan.sections().size(); i++) {
            items.add(Desired.of(CatalogMapper.sectionItem(year, plan.sections().get(i), i), ItemSchemas.section()));
        }
        for (int i = 0; i < plan.units().size(); i++) {
            items.add(Desired.of(CatalogMapper.unitItem(year, plan.units().get(i), i), ItemSchemas.unit()));
        }
        for (int i = 0; i < plan.tasks().size(); i++) {
            items.add(Desired.of(CatalogMapper.taskItem(year, plan.tasks().get(i), i), ItemSchemas.task()));
        }
        return items;
    }

    private static Map<String, String> storedHashesBySk(PlanPartition stored) {
        Map<String, String> hashes = new HashMap<>();
        if (stored.header() != null) {
            hashes.put(stored.header().getSk(), stored.header().getContentHash());
        }
        stored.sections().forEach(item -> hashes.put(item.getSk(), item.getContentHash()));
        stored.units().forEach(item -> hashes.put(item.getSk(), item.getContentHash()));
        stored.tasks().forEach(item -> hashes.put(item.getSk(), item.getContentHash()));
        return hashes;
    }

    /**
     * Creates the state item only if absent, so a state holding reported progress is never replaced.
     * @return true when created; false when it appeared meanwhile (a submission creates it too) and
     *     was marked assigned instead
     */
    private boolean createState(int year, String taskId, String unitId) {
        StateItem item = new StateItem();
        item.setPk(Keys.planPk(year));
        item.setSk(Keys.state(taskId, unitId));
        item.setGsi1pk(Keys.unitIndexPk(year, unitId));
        item.setGsi1sk(Keys.stateIndexSk(taskId));
        item.setPlanYear(year);
        item.setTaskId(taskId);
        item.setUnitId(unitId);
        item.setAssigned(true);
        try {
            enhanced.get().table(tableName, ItemSchemas.state()).putItem(PutItemEnhancedRequest.builder(StateItem.class)
                    .item(item).conditionExpression(Conditions.itemAbsent()).build());
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            assign(year, taskId, unitId, true);
            return false;
        }
    }

    /** Sets only the flag: {@code latest} is left as it is. */
    private void assign(int year, String taskId, String unitId, boolean assigned) {
        client.updateItem(UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Conditions.key(Keys.planPk(year), Keys.state(taskId, unitId)))
                .updateExpression("SET #assigned = :assigned")
                .expressionAttributeNames(Map.of("#assigned", StateItem.ASSIGNED))
                .expressionAttributeValues(Map.of(":assigned", AttributeValue.fromBool(assigned)))
                .build());
    }

    /**
     * A pair left the plan. Without a report its state item is deleted — conditionally, since a report
     * may arrive meanwhile; with one the item stays, marked unassigned, so the progress is kept.
     */
    private void withdraw(int year, StateItem state) {
        if (state.getLatest() == null) {
            try {
                client.deleteItem(DeleteItemRequest.builder()
                        .tableName(tableName)
                        .key(Conditions.key(state.getPk(), state.getSk()))
                        .conditionExpression("attribute_not_exists(#latest)")
                        .expressionAttributeNames(Map.of("#latest", StateItem.LATEST))
                        .build());
                return;
            } catch (ConditionalCheckFailedException reportedMeanwhile) {
                // fall through: keep it, unassigned
            }
        }
        assign(year, state.getTaskId(), state.getUnitId(), false);
    }

    private void deleteItem(String pk, String sk) {
        client.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(Conditions.key(pk, sk)).build());
    }

    /** A catalog item to be stored, with its content hash computed from the attributes it will have. */
    private record Desired<T extends CatalogItem>(T item, TableSchema<T> schema) {
        static <T extends CatalogItem> Desired<T> of(T item, TableSchema<T> schema) {
            item.setContentHash(ContentHash.of(schema.itemToMap(item, true), CONTENT_HASH));
            return new Desired<>(item, schema);
        }

        void put(DynamoDbEnhancedClient enhanced, String tableName) {
            enhanced.table(tableName, schema).putItem(item);
        }
    }

    private static final class Counts {
        int created;
        int updated;
        int unchanged;
    }
}
