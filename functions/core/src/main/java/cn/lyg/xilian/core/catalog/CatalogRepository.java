package cn.lyg.xilian.core.catalog;

import cn.lyg.xilian.core.catalog.Plan;

import java.util.Optional;

/** Stores the plan catalog. Loading is idempotent: an unchanged plan writes nothing. */
public interface CatalogRepository {

    /** Creates or updates the plan, its tasks, units and (task, unit) assignments. */
    LoadResult load(Plan plan);

    /** The whole catalog of a year (plan, sections, units, tasks), read with queries, never a scan. */
    Optional<Plan> plan(int year);

    /** What a load did: counts of items created, updated and left unchanged. */
    record LoadResult(int created, int updated, int unchanged) {
        public boolean changedNothing() {
            return created == 0 && updated == 0;
        }
    }
}
