package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.supervision.Write;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored directory: units with their contacts, the coordinator accounts and the group robots, all in one partition
 * ({@code DIR}),
 * read with one Query. Only stored profiles; the registry's seed is {@link UnitDirectory}'s business.
 */
public interface Directory {

    /**
     * Stored unit profiles and coordinator accounts, in id order, and the group robots' settings (sealed) in audience
     * key order: the jobs read contacts and robots with the same one Query.
     */
    record Contents(List<UnitProfile> units, List<CoordinatorAccount> coordinators, List<RobotSetting> robots) {
        public Contents {
            robots = robots == null ? List.of() : List.copyOf(robots);
        }

        public Contents(List<UnitProfile> units, List<CoordinatorAccount> coordinators) {
            this(units, coordinators, List.of());
        }

        public Optional<RobotSetting> robot(Audience audience) {
            return robots.stream().filter(r -> r.audience().equals(audience)).findFirst();
        }
    }

    /** One consistent Query of the partition. */
    Contents read();

    Optional<UnitProfile> unit(String unitId);

    /**
     * Stores a profile of version 1 if the unit has no profile yet; {@link Write.Taken} with the stored one otherwise
     * (the seed never overwrites an edit; adding an id already used is refused by the caller).
     */
    Write<UnitProfile> create(UnitProfile profile);

    /**
     * Stores {@code next} if the stored version is {@code next.version() - 1} — or, for a seed being edited for the
     * first time ({@code next.version() == 1}), if none is stored. {@link Write.Taken} with the stored profile when
     * the condition fails (someone else changed it, or this is a retry that already landed: the caller compares).
     */
    Write<UnitProfile> update(UnitProfile next);

    /** Records that a sign-in link was emailed (no version change: not an edit). */
    void markLinkSent(String unitId, Instant at, List<String> to);

    /** Records a unit's sign-in (only on a stored profile, and only when the stored time is an hour older). */
    void markSignedIn(String unitId, Instant at);

    /** Stores a new account; {@link Write.Taken} with the stored one when the id exists. */
    Write<CoordinatorAccount> create(CoordinatorAccount account);

    /** Marks the account removed (once; a second call keeps the first time). */
    void remove(String accountId, Instant at);
}
