package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule of what the directory holds: the stored profiles, and for a unit of the shipped registry that has no
 * stored profile yet, its seed (the registry's entry with the contacts configured for the deployment). {@link #seed()}
 * stores the seeds; it never overwrites a stored profile, so running it again (every plan load, every local start)
 * changes nothing once a coordinator has edited a unit.
 */
public class UnitDirectory {

    private final Directory store;
    private final UnitRegistry shipped;
    private final Function<String, List<String>> seedContacts;

    /**
     * @param seedContacts the contacts configured for the deployment (the optional template parameter
     *                     UnitContactsJson, the local run's settings), used only for a unit's first profile
     */
    public UnitDirectory(Directory store, UnitRegistry shipped, Function<String, List<String>> seedContacts) {
        this.store = store;
        this.shipped = shipped;
        this.seedContacts = seedContacts;
    }

    /** Every unit: shipped ones in the registry's order, then units added by coordinators, in id order. */
    public List<UnitProfile> units() {
        return merge(store.read().units());
    }

    public Directory.Contents contents() {
        Directory.Contents stored = store.read();
        return new Directory.Contents(merge(stored.units()), stored.coordinators(), stored.robots());
    }

    public Optional<UnitProfile> unit(String unitId) {
        if (!Unit.validId(unitId)) {
            return Optional.empty();
        }
        return store.unit(unitId).map(this::filled).or(() -> shipped.byId(unitId).map(this::seedOf));
    }

    /** The registry the plan importer resolves names against: every unit, active or not (ids are never reused). */
    public UnitRegistry registry() {
        return new UnitRegistry(units().stream().map(UnitProfile::unit).toList());
    }

    /** Stores the seed of every shipped unit without a profile; returns how many were stored. Idempotent. */
    public int seed() {
        Map<String, UnitProfile> stored = byId(store.read().units());
        int created = 0;
        for (Unit unit : shipped.units()) {
            if (!stored.containsKey(unit.id())) {
                UnitProfile first = seedOf(unit);
                if (store.create(new UnitProfile(first.id(), first.name(), first.kind(), first.aliases(),
                        first.contacts(), null, null, true, 1, null, null, List.of(), null))
                        instanceof cn.lyg.xilian.core.supervision.Write.Stored<UnitProfile>) {
                    created++;
                }
            }
        }
        return created;
    }

    /**
     * A profile the seed stored without contacts (seeded where none were configured, e.g. by load-plan in the
     * operator's shell) and never edited since takes the deployment's configured contacts; a coordinator's edit —
     * even one that removes every address — is final.
     */
    private UnitProfile filled(UnitProfile p) {
        if (p.updatedAt() != null || !p.contacts().isEmpty()) {
            return p;
        }
        List<String> configured = seedContacts.apply(p.id());
        return configured.isEmpty() ? p : p.withContacts(configured);
    }

    private UnitProfile seedOf(Unit unit) {
        return UnitProfile.seed(unit, seedContacts.apply(unit.id()));
    }

    private List<UnitProfile> merge(List<UnitProfile> storedUnits) {
        Map<String, UnitProfile> stored = byId(storedUnits);
        List<UnitProfile> all = new ArrayList<>();
        for (Unit unit : shipped.units()) {
            UnitProfile p = stored.remove(unit.id());
            all.add(p != null ? filled(p) : seedOf(unit));
        }
        stored.values().stream().sorted(java.util.Comparator.comparing(UnitProfile::id)).map(this::filled)
                .forEach(all::add);
        return all;
    }

    private static Map<String, UnitProfile> byId(List<UnitProfile> units) {
        Map<String, UnitProfile> m = new LinkedHashMap<>();
        units.forEach(u -> m.put(u.id(), u));
        return m;
    }
}
