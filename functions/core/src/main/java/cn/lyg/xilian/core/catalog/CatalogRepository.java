package cn.lyg.xilian.core.catalog;

import cn.lyg.xilian.core.catalog.Plan;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores the plan catalog. Loading is idempotent: an unchanged plan writes nothing. */
public interface CatalogRepository {

    /** Creates or updates the plan, its tasks, units and (task, unit) assignments. */
    LoadResult load(Plan plan);

    /**
     * The loaded plan years, ascending, read from one item kept by {@link #load} (never a scan). Empty for a store
     * that keeps no list (the use cases' test doubles) and for a table loaded before the list existed: the
     * configured seed year then stands in ({@code xilian.plan.year}).
     */
    default List<Integer> years() {
        return List.of();
    }

    /** The whole catalog of a year (plan, sections, units, tasks), read with queries, never a scan. */
    Optional<Plan> plan(int year);

    /**
     * The loaded plan and the (task, unit) pairs that have reported, read together (DynamoDB: one Query of the plan
     * partition): what a load would be compared with ({@link PlanDiff}). Pairs that left the plan but keep their
     * report count. The default is for stores that never preview a load (the use cases' test doubles).
     */
    default Loaded loaded(int year) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot preview a load");
    }

    /** The loaded plan (empty before the first load) and the pairs that have reported. */
    record Loaded(Optional<Plan> plan, Set<TaskUnit> reported) {
        public Loaded {
            reported = Set.copyOf(reported);
        }
    }

    /** What a load did: counts of items created, updated and left unchanged. */
    record LoadResult(int created, int updated, int unchanged) {
        public boolean changedNothing() {
            return created == 0 && updated == 0;
        }
    }
}
