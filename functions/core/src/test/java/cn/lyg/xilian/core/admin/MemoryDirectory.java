package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.supervision.Write;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The directory port in memory, with the conditions the DynamoDB adapter has. */
final class MemoryDirectory implements Directory, RobotSettings {
    final Map<String, UnitProfile> units = new TreeMap<>();
    final Map<String, RobotSetting> robots = new TreeMap<>();
    final Map<String, CoordinatorAccount> coordinators = new TreeMap<>();

    @Override
    public synchronized Contents read() {
        return new Contents(List.copyOf(units.values()), List.copyOf(coordinators.values()),
                List.copyOf(robots.values()));
    }

    @Override
    public synchronized Optional<UnitProfile> unit(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public synchronized Write<UnitProfile> create(UnitProfile profile) {
        UnitProfile stored = units.putIfAbsent(profile.id(), profile);
        return stored == null ? new Write.Stored<>(profile) : new Write.Taken<>(stored);
    }

    @Override
    public synchronized Write<UnitProfile> update(UnitProfile next) {
        UnitProfile stored = units.get(next.id());
        boolean fits = stored == null ? next.version() == 1 : stored.version() == next.version() - 1;
        if (!fits) {
            return new Write.Taken<>(stored);
        }
        units.put(next.id(), next);
        return new Write.Stored<>(next);
    }

    @Override
    public synchronized void markLinkSent(String unitId, Instant at, List<String> to) {
        units.computeIfPresent(unitId, (id, p) -> new UnitProfile(p.id(), p.name(), p.kind(), p.aliases(),
                p.contacts(), p.liaisonName(), p.liaisonPhone(), p.active(), p.version(), p.updatedAt(), at, to,
                p.lastSignInAt()));
    }

    @Override
    public synchronized void markSignedIn(String unitId, Instant at) {
        units.computeIfPresent(unitId, (id, p) -> p.lastSignInAt() != null
                && !p.lastSignInAt().isBefore(at.minus(Duration.ofHours(1))) ? p
                : new UnitProfile(p.id(), p.name(), p.kind(), p.aliases(), p.contacts(), p.liaisonName(),
                p.liaisonPhone(), p.active(), p.version(), p.updatedAt(), p.linkSentAt(), p.linkSentTo(), at));
    }

    @Override
    public synchronized Write<CoordinatorAccount> create(CoordinatorAccount account) {
        CoordinatorAccount stored = coordinators.putIfAbsent(account.id(), account);
        return stored == null ? new Write.Stored<>(account) : new Write.Taken<>(stored);
    }

    @Override
    public synchronized void remove(String accountId, Instant at) {
        coordinators.computeIfPresent(accountId, (id, c) -> c.active() ? c.removed(at) : c);
    }

    @Override
    public synchronized Optional<RobotSetting> robot(Audience audience) {
        return Optional.ofNullable(robots.get(audience.key()));
    }

    @Override
    public synchronized Write<Optional<RobotSetting>> save(RobotSetting next) {
        RobotSetting stored = robots.get(next.audience().key());
        boolean fits = stored == null ? next.version() == 1 : stored.version() == next.version() - 1;
        if (!fits) {
            return new Write.Taken<>(Optional.ofNullable(stored));
        }
        robots.put(next.audience().key(), next);
        return new Write.Stored<>(Optional.of(next));
    }

    @Override
    public synchronized Optional<RobotSetting> delete(Audience audience, long version) {
        RobotSetting stored = robots.get(audience.key());
        if (stored != null && stored.version() != version) {
            return Optional.of(stored);
        }
        robots.remove(audience.key());
        return Optional.empty();
    }
}
