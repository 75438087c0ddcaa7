package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.TaskUnitState;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What 单位与账号管理 shows: every unit with its link state and last report, a unit's live links, the coordinator
 * accounts, and the names the audit trail's actors resolve to. A fixed number of reads per page: the directory once,
 * the credentials once (all of them), the plan year's pair states once.
 */
public class AdminQueries {

    private final UnitDirectory units;
    private final CredentialRepository credentials;
    private final ProgressRepository progress;
    private final Clock clock;

    public AdminQueries(UnitDirectory units, CredentialRepository credentials, ProgressRepository progress,
                        Clock clock) {
        this.units = units;
        this.credentials = credentials;
        this.progress = progress;
        this.clock = clock;
    }

    /** A unit as listed: its profile, the state of its links, its latest report of the plan year (null: none). */
    public record UnitRow(UnitProfile unit, LinkState link, @Nullable Instant lastReport) {
    }

    /** One unit's page: the row and its live links (by hash: the token is never stored). */
    public record UnitDetail(UnitRow row, List<Credential> liveLinks) {
    }

    public record CoordinatorRow(CoordinatorAccount account, LinkState link) {
    }

    public Instant now() {
        return clock.instant();
    }

    public List<UnitRow> units(int year) {
        Instant now = clock.instant();
        Map<String, List<Credential>> links = unitLinks(credentials.list(null));
        Map<String, Instant> reported = lastReports(progress.allStates(year));
        return units.units().stream().map(u -> new UnitRow(u, LinkState.of(links.getOrDefault(u.id(), List.of()), now),
                reported.get(u.id()))).toList();
    }

    public Optional<UnitDetail> unit(int year, String unitId) {
        Optional<UnitProfile> profile = units.unit(unitId);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Credential> links = credentials.list(unitId).stream().filter(c -> c.role() == Role.UNIT).toList();
        Instant last = lastReports(progress.statesOfUnit(year, unitId)).get(unitId);
        List<Credential> live = links.stream().filter(c -> !c.revoked() && !c.expiredAt(now))
                .sorted(Comparator.comparing(Credential::issuedAt).reversed()).toList();
        return Optional.of(new UnitDetail(new UnitRow(profile.get(), LinkState.of(links, now), last), live));
    }

    public List<CoordinatorRow> coordinators() {
        Instant now = clock.instant();
        List<Credential> all = credentials.list(null);
        return units.contents().coordinators().stream().map(a -> new CoordinatorRow(a, LinkState.of(
                all.stream().filter(c -> c.role() == Role.COORDINATOR && a.id().equals(c.accountId())).toList(),
                now))).toList();
    }

    /** Who an actor of the trail is, by name: a removed coordinator keeps theirs. */
    public Names names() {
        Directory.Contents contents = units.contents();
        Map<String, String> coordinators = new HashMap<>();
        contents.coordinators().forEach(c -> coordinators.put(c.id(), c.name()));
        Map<String, String> unitNames = new HashMap<>();
        contents.units().forEach(u -> unitNames.put(u.id(), u.name()));
        return new Names(coordinators, unitNames);
    }

    public record Names(Map<String, String> coordinators, Map<String, String> units) {
        public String of(Actor actor) {
            return switch (actor.kind()) {
                case COORDINATOR -> Actor.UNNAMED_COORDINATOR.equals(actor.id()) ? "统筹人员（通用链接）"
                        : coordinators.getOrDefault(actor.id(), "统筹人员 " + actor.id());
                case UNIT -> units.getOrDefault(actor.id(), actor.id());
                case OPERATOR -> "运维命令行";
                case SYSTEM -> "系统";
            };
        }
    }

    private static Map<String, List<Credential>> unitLinks(List<Credential> all) {
        Map<String, List<Credential>> byUnit = new HashMap<>();
        all.stream().filter(c -> c.role() == Role.UNIT)
                .forEach(c -> byUnit.computeIfAbsent(c.unitId(), k -> new java.util.ArrayList<>()).add(c));
        return byUnit;
    }

    private static Map<String, Instant> lastReports(List<TaskUnitState> states) {
        Map<String, Instant> last = new HashMap<>();
        for (TaskUnitState s : states) {
            if (s.latest() != null) {
                last.merge(s.unitId(), s.latest().submittedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return last;
    }
}
