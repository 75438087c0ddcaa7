package cn.lyg.xilian.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code xilian.contacts.coordinators} (list of addresses of 市发改委, kept beside the coordinator accounts'),
 * {@code operations}, and {@code xilian.contacts.units.<unitId>} (list per unit). The unit lists are only the seed
 * of a unit's first stored profile ({@link SeedContacts}): the jobs address units from the table
 * ({@code DirectoryContacts}), where 单位与账号管理 edits them. A unit without contacts gets no email; its alerts stay
 * pending and the scan report lists it.
 */
@ConfigurationProperties("xilian.contacts")
public class ContactProperties implements SeedContacts {

    private List<String> coordinators = new ArrayList<>();
    /** Operations (the stack's OpsEmail): the once-a-year warning that a holiday calendar is missing. */
    private List<String> operations = new ArrayList<>();
    private Map<String, List<String>> units = new LinkedHashMap<>();
    /**
     * The same per-unit lists as one JSON object ({"donghai":["a@example.cn"]}), for Lambda, where they come
     * from the stack parameter UnitContactsJson through one environment variable (unit ids contain '-',
     * which environment variable names cannot carry). Entries here add to {@code units}.
     */
    private String unitsJson = "";
    private Map<String, List<String>> unitsFromJson = Map.of();

    @Override
    public List<String> of(String unitId) {
        return unitContacts(unitId);
    }

    public List<String> unitContacts(String unitId) {
        List<String> all = new ArrayList<>(units.getOrDefault(unitId, List.of()));
        all.addAll(unitsFromJson.getOrDefault(unitId, List.of()));
        return addresses(all).stream().distinct().toList();
    }

    public List<String> coordinators() {
        return addresses(coordinators);
    }

    public List<String> operations() {
        return addresses(operations);
    }

    public List<String> getOperations() {
        return operations;
    }

    public void setOperations(List<String> operations) {
        this.operations = operations;
    }

    /** An unset environment placeholder binds as one blank entry: not an address. */
    private static List<String> addresses(List<String> configured) {
        return configured.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    public List<String> getCoordinators() {
        return coordinators;
    }

    public void setCoordinators(List<String> coordinators) {
        this.coordinators = coordinators;
    }

    public String getUnitsJson() {
        return unitsJson;
    }

    /** Parsed once, when the configuration is bound; malformed JSON fails the start, not a later send. */
    public void setUnitsJson(String unitsJson) {
        this.unitsJson = unitsJson == null ? "" : unitsJson;
        if (this.unitsJson.isBlank()) {
            unitsFromJson = Map.of();
            return;
        }
        try {
            unitsFromJson = ObjectMapper.getDefault().readValue(this.unitsJson,
                    Argument.mapOf(Argument.STRING, Argument.listOf(String.class)));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "xilian.contacts.units-json is not a JSON object of address lists: " + e.getMessage(), e);
        }
    }

    public Map<String, List<String>> getUnits() {
        return units;
    }

    public void setUnits(Map<String, List<String>> units) {
        this.units = units;
    }
}
