package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.port.ContactDirectory;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code xilian.contacts.coordinators} (list of addresses of 市发改委) and
 * {@code xilian.contacts.units.<unitId>} (list per unit): the contact directory as configuration. A
 * unit without an entry gets no email; its alerts stay pending and the scan report lists it.
 */
@ConfigurationProperties("xilian.contacts")
public class ContactProperties implements ContactDirectory {

    private List<String> coordinators = new ArrayList<>();
    private Map<String, List<String>> units = new LinkedHashMap<>();

    @Override
    public List<String> unitContacts(String unitId) {
        return addresses(units.getOrDefault(unitId, List.of()));
    }

    @Override
    public List<String> coordinators() {
        return addresses(coordinators);
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

    public Map<String, List<String>> getUnits() {
        return units;
    }

    public void setUnits(Map<String, List<String>> units) {
        this.units = units;
    }
}
