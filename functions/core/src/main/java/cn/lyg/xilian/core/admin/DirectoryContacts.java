package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.EmailAddress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Contacts from the directory, read once per invocation: a job calls {@link #refresh()} when it starts, then every
 * email of that run is addressed from the same snapshot (one Query, not one per email). An address a coordinator
 * added a minute ago is in the next run.
 */
public class DirectoryContacts implements ContactDirectory {

    private final UnitDirectory directory;
    private final List<String> configuredCoordinators;
    private final List<String> operations;
    private volatile Snapshot snapshot;

    private record Snapshot(Directory.Contents contents, Map<String, List<String>> units, List<String> coordinators) {
    }

    /**
     * @param configuredCoordinators addresses from the deployment (CoordinatorEmails), kept beside the accounts'
     */
    public DirectoryContacts(UnitDirectory directory, List<String> configuredCoordinators, List<String> operations) {
        this.directory = directory;
        this.configuredCoordinators = List.copyOf(configuredCoordinators);
        this.operations = List.copyOf(operations);
    }

    /** Forgets the snapshot: the next address asked for reads the directory again. */
    public void refresh() {
        snapshot = null;
    }

    /**
     * The directory as this run read it (the same Query the addresses came from): {@link DirectoryRobots} reads the
     * robots from it, so contacts and robots cost one Query per run.
     */
    public Directory.Contents contents() {
        return current().contents();
    }

    @Override
    public List<String> unitContacts(String unitId) {
        return current().units().getOrDefault(unitId, List.of());
    }

    @Override
    public List<String> coordinators() {
        return current().coordinators();
    }

    @Override
    public List<String> operations() {
        return operations;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            Directory.Contents contents = directory.contents();
            Map<String, List<String>> units = contents.units().stream().filter(UnitProfile::active)
                    .collect(Collectors.toMap(UnitProfile::id, UnitProfile::contacts, (a, b) -> a));
            Set<String> coordinators = new LinkedHashSet<>();
            contents.coordinators().stream().filter(CoordinatorAccount::active)
                    .forEach(c -> coordinators.add(c.email()));
            configuredCoordinators.stream().map(EmailAddress::normalise)
                    .flatMap(java.util.Optional::stream).forEach(coordinators::add);
            s = new Snapshot(contents, units, List.copyOf(coordinators));
            snapshot = s;
        }
        return s;
    }

    /** For tests and wiring: a plain function view of the configured seed contacts. */
    public static Function<String, List<String>> seedFrom(Map<String, List<String>> configured) {
        return id -> configured.getOrDefault(id, List.of()).stream().map(EmailAddress::normalise)
                .flatMap(java.util.Optional::stream).distinct().toList();
    }
}
