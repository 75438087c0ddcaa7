package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.report.ExpiringLinks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 即将到期的登录链接: per active unit and coordinator, the link state that 单位与账号管理 shows ({@link LinkState}: the live
 * link that lasts longest decides); those {@link LinkState.Kind#EXPIRING} are listed. One Query of the directory, one
 * of the credentials.
 */
public class ExpiringSignInLinks implements ExpiringLinks {

    private final UnitDirectory directory;
    private final CredentialRepository credentials;

    public ExpiringSignInLinks(UnitDirectory directory, CredentialRepository credentials) {
        this.directory = directory;
        this.credentials = credentials;
    }

    @Override
    public List<ExpiringLinks.Link> asOf(Instant now) {
        Directory.Contents contents = directory.contents();
        Map<String, String> holders = new LinkedHashMap<>();
        contents.units().stream().filter(UnitProfile::active).forEach(u -> holders.put("unit:" + u.id(), u.name()));
        contents.coordinators().stream().filter(CoordinatorAccount::active)
                .forEach(c -> holders.put("coordinator:" + c.id(), c.name() + "（统筹人员）"));
        holders.put("coordinator:" + Actor.UNNAMED_COORDINATOR, "统筹人员（未关联账号的链接）");
        Map<String, List<Credential>> byHolder = credentials.list(null).stream()
                .collect(Collectors.groupingBy(ExpiringSignInLinks::holder, LinkedHashMap::new, Collectors.toList()));
        List<ExpiringLinks.Link> soon = new ArrayList<>();
        byHolder.forEach((holder, links) -> {
            String name = holders.get(holder);
            LinkState state = LinkState.of(links, now);
            if (name != null && state.kind() == LinkState.Kind.EXPIRING) {
                soon.add(new ExpiringLinks.Link(name, LocalDate.ofInstant(state.expiresAt(), PlanTime.ZONE)));
            }
        });
        soon.sort(Comparator.comparing(ExpiringLinks.Link::expiresOn).thenComparing(ExpiringLinks.Link::holder));
        return List.copyOf(soon);
    }

    private static String holder(Credential c) {
        return c.role() == Role.UNIT ? "unit:" + c.unitId()
                : "coordinator:" + (c.accountId() == null ? Actor.UNNAMED_COORDINATOR : c.accountId());
    }
}
