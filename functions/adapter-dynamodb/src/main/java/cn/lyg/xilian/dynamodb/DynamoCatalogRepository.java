package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
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
public final class DynamoCatalogRepository extends DynamoStore implements CatalogRepository {

    public DynamoCatalogRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public LoadResult load(Plan plan) {
        int year = plan.year();
        PlanPartition stored = PlanPartition.read(client, table, year);
        Counts counts = new Counts();

        Map<String, String> storedHashes = new HashMap<>();
        for (Map<String, AttributeValue> item : stored.catalogItems()) {
            var read = Attributes.of(item);
            storedHashes.put(read.s(TableDefinition.SK), read.s(CatalogMapper.CONTENT_HASH));
        }
        for (Map<String, AttributeValue> desired : desiredCatalogItems(plan)) {
            String storedHash = storedHashes.remove(desired.get(TableDefinition.SK).s());
            if (desired.get(CatalogMapper.CONTENT_HASH).s().equals(storedHash)) {
                counts.unchanged++;
            } else {
                client.putItem(b -> b.tableName(table).item(desired));
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

        Map<String, StateMapper.StoredState> storedStates = new LinkedHashMap<>(stored.statesBySk());
        for (PlanTask task : plan.tasks()) {
            for (String unitId : task.unitIds()) {
                StateMapper.StoredState state = storedStates.remove(Keys.state(task.id(), unitId));
                if (state == null) {
                    if (createState(year, task.id(), unitId)) {
                        counts.created++;
                    } else {
                        counts.updated++;
                    }
                } else if (!state.assigned()) {
                    assign(year, task.id(), unitId, true);
                    counts.updated++;
                } else {
                    counts.unchanged++;
                }
            }
        }
        for (StateMapper.StoredState orphan : storedStates.values()) {
            if (orphan.assigned()) {
                withdraw(year, orphan);
                counts.updated++;
            }
        }
        return new LoadResult(counts.created, counts.updated, counts.unchanged);
    }

    @Override
    public Optional<Plan> plan(int year) {
        PlanPartition stored = PlanPartition.read(client, table, year);
        if (stored.header() == null) {
            return Optional.empty();
        }
        return Optional.of(CatalogMapper.plan(stored.header(), stored.sections(), stored.units(), stored.tasks()));
    }

    private static List<Map<String, AttributeValue>> desiredCatalogItems(Plan plan) {
        int year = plan.year();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(CatalogMapper.planItem(plan));
        for (int i = 0; i < plan.sections().size(); i++) {
            items.add(CatalogMapper.sectionItem(year, plan.sections().get(i), i));
        }
        for (int i = 0; i < plan.units().size(); i++) {
            items.add(CatalogMapper.unitItem(year, plan.units().get(i), i));
        }
        for (int i = 0; i < plan.tasks().size(); i++) {
            items.add(CatalogMapper.taskItem(year, plan.tasks().get(i), i));
        }
        return items;
    }

    /**
     * Creates the state item only if absent, so a state holding reported progress is never replaced.
     * @return true when created; false when it appeared meanwhile (a submission creates it too) and
     *     was marked assigned instead
     */
    private boolean createState(int year, String taskId, String unitId) {
        try {
            client.putItem(Conditions.putIfAbsent(table, StateMapper.newState(year, taskId, unitId)));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            assign(year, taskId, unitId, true);
            return false;
        }
    }

    /** Sets only the flag: {@code latest} is left as it is. */
    private void assign(int year, String taskId, String unitId, boolean assigned) {
        client.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(Conditions.key(Keys.planPk(year), Keys.state(taskId, unitId)))
                .updateExpression("SET #assigned = :assigned")
                .expressionAttributeNames(Map.of("#assigned", StateMapper.ASSIGNED))
                .expressionAttributeValues(Map.of(":assigned", AttributeValue.fromBool(assigned)))
                .build());
    }

    /**
     * A pair left the plan. Without a report its state item is deleted — conditionally, since a report
     * may arrive meanwhile; with one the item stays, marked unassigned, so the progress is kept.
     */
    private void withdraw(int year, StateMapper.StoredState stored) {
        var state = stored.state();
        if (state.latest() == null) {
            try {
                client.deleteItem(DeleteItemRequest.builder()
                        .tableName(table)
                        .key(Conditions.key(Keys.planPk(year), Keys.state(state.taskId(), state.unitId())))
                        .conditionExpression("attribute_not_exists(#latest)")
                        .expressionAttributeNames(Map.of("#latest", StateMapper.LATEST))
                        .build());
                return;
            } catch (ConditionalCheckFailedException reportedMeanwhile) {
                // fall through: keep it, unassigned
            }
        }
        assign(year, state.taskId(), state.unitId(), false);
    }

    private void deleteItem(String pk, String sk) {
        client.deleteItem(DeleteItemRequest.builder().tableName(table).key(Conditions.key(pk, sk)).build());
    }

    private static final class Counts {
        int created;
        int updated;
        int unchanged;
    }
}
