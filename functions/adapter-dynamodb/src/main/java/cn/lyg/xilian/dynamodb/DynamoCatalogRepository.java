package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.TaskUnit;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.dynamodb.CatalogItems.CatalogItem;
import cn.lyg.xilian.dynamodb.CatalogItems.PlanHeaderItem;
import cn.lyg.xilian.dynamodb.CatalogItems.SectionItem;
import cn.lyg.xilian.dynamodb.CatalogItems.TaskItem;
import cn.lyg.xilian.dynamodb.CatalogItems.UnitItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog in the plan partition {@code PLAN#Y} ({@link CatalogItems}). See infra/dynamodb/TABLE.md, "Catalog load".
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
        PlanPartition stored = PlanPartition.read(partition(), year);
        Counts counts = new Counts();

        Map<String, String> storedHashes = new HashMap<>();
        stored.catalogItems().forEach(item -> storedHashes.put(item.sk(), item.contentHash()));
        for (CatalogItem desired : desiredCatalogItems(plan)) {
            String storedHash = storedHashes.remove(desired.sk());
            if (desired.contentHash().equals(storedHash)) {
                counts.unchanged++;
            } else {
                partition().putItem(desired);
                if (storedHash == null) {
                    counts.created++;
                } else {
                    counts.updated++;
                }
            }
        }
        // What is left was removed from the plan (a task, unit or section dropped or renumbered).
        for (String removedSk : storedHashes.keySet()) {
            partition().deleteItem(key(Keys.planPk(year), removedSk));
            counts.updated++;
        }

        Map<String, StateItem.StoredState> storedStates = new LinkedHashMap<>(stored.statesBySk());
        for (PlanTask task : plan.tasks()) {
            for (String unitId : task.unitIds()) {
                StateItem.StoredState state = storedStates.remove(Keys.state(task.id(), unitId));
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
        for (StateItem.StoredState orphan : storedStates.values()) {
            if (orphan.assigned()) {
                withdraw(year, orphan.state());
                counts.updated++;
            }
        }
        // Listed after the catalog is written, so a listed year always has its plan; not counted (the counts are the
        // catalog's). Touches no other year's items.
        if (!years().contains(year)) {
            putIfAbsent(planYears(), PlanYearItem.of(year));
        }
        return new LoadResult(counts.created, counts.updated, counts.unchanged);
    }

    /** One Query of the small {@code PLANS} partition. */
    @Override
    public List<Integer> years() {
        return items(planYears().query(q -> q.consistentRead(true).queryConditional(partition(Keys.PLANS))))
                .map(PlanYearItem::year).sorted().toList();
    }

    private DynamoDbTable<PlanYearItem> planYears() {
        return table(PlanYearItem.SCHEMA);
    }

    @Override
    public Optional<Plan> plan(int year) {
        return loaded(year).plan();
    }

    /** One Query of the plan partition, as {@link #load} starts with; writes nothing. */
    @Override
    public Loaded loaded(int year) {
        PlanPartition stored = PlanPartition.read(partition(), year);
        Optional<Plan> plan = stored.header() == null ? Optional.empty()
                : Optional.of(CatalogItems.plan(stored.header(), stored.sections(), stored.units(), stored.tasks()));
        Set<TaskUnit> reported = new HashSet<>();
        for (StateItem.StoredState state : stored.statesBySk().values()) {
            if (state.state().latest() != null) {
                reported.add(new TaskUnit(state.state().taskId(), state.state().unitId()));
            }
        }
        return new Loaded(plan, reported);
    }

    private static List<CatalogItem> desiredCatalogItems(Plan plan) {
        int year = plan.year();
        List<CatalogItem> items = new ArrayList<>();
        items.add(PlanHeaderItem.of(plan));
        for (int i = 0; i < plan.sections().size(); i++) {
            items.add(SectionItem.of(year, plan.sections().get(i), i));
        }
        for (int i = 0; i < plan.units().size(); i++) {
            items.add(UnitItem.of(year, plan.units().get(i), i));
        }
        for (int i = 0; i < plan.tasks().size(); i++) {
            items.add(TaskItem.of(year, plan.tasks().get(i), i));
        }
        return items;
    }

    /**
     * Creates the state item only if absent, so a state holding reported progress is never replaced.
     * @return true when created; false when it appeared meanwhile (a submission creates it too) and
     *     was marked assigned instead
     */
    private boolean createState(int year, String taskId, String unitId) {
        if (putIfAbsent(states(), StateItem.newState(year, taskId, unitId))) {
            return true;
        }
        assign(year, taskId, unitId, true);
        return false;
    }

    /** Sets only the flag: {@code latest} is left as it is. */
    private void assign(int year, String taskId, String unitId, boolean assigned) {
        states().updateItem(r -> r.item(StateItem.assignment(year, taskId, unitId, assigned)).ignoreNulls(true)
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.NONE));
    }

    /**
     * A pair left the plan. Without a report its state item is deleted — conditionally, since a report
     * may arrive meanwhile; with one the item stays, marked unassigned, so the progress is kept.
     */
    private void withdraw(int year, TaskUnitState state) {
        if (state.latest() == null) {
            try {
                states().deleteItem(r -> r.key(key(Keys.planPk(year), Keys.state(state.taskId(), state.unitId())))
                        .conditionExpression(Conditions.when("attribute_not_exists(#latest)",
                                "#latest", StateItem.LATEST)));
                return;
            } catch (ConditionalCheckFailedException reportedMeanwhile) {
                // fall through: keep it, unassigned
            }
        }
        assign(year, state.taskId(), state.unitId(), false);
    }

    private static final class Counts {
        int created;
        int updated;
        int unchanged;
    }

    private DynamoDbTable<PlanPartition.Item> partition() {
        return table(PlanPartition.SCHEMA);
    }

    private DynamoDbTable<StateItem> states() {
        return table(StateItem.SCHEMA);
    }
}
