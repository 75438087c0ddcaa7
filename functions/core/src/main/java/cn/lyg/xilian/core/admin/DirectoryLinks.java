package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.access.LinkDirectory;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.catalog.Unit;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The directory as the sign-in link's mail path sees it. A link sent goes on the trail (发送登录链接, "发送至 a、b": the
 * addresses, never the token) with an id derived from the request, so a retried stream record records it once; a
 * unit's profile then records when and to whom.
 */
public class DirectoryLinks implements LinkDirectory {

    private final Directory store;
    private final AuditLog audit;

    public DirectoryLinks(Directory store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public Optional<Coordinator> coordinator(String entered) {
        if (!CoordinatorAccount.validId(entered)) {
            return Optional.empty();
        }
        return store.read().coordinators().stream().filter(c -> c.active() && c.id().equals(entered)).findFirst()
                .map(c -> new Coordinator(c.id(), c.name(), c.email()));
    }

    @Override
    public Optional<Unit> unit(String unitId) {
        if (!Unit.validId(unitId)) {
            return Optional.empty();
        }
        return store.unit(unitId).filter(UnitProfile::active).map(UnitProfile::unit);
    }

    @Override
    public void sent(String requestId, @Nullable String requestedBy, Role role, String holder, List<String> to,
                     Instant at) {
        boolean unit = role == Role.UNIT;
        String target = (unit ? "unit:" : "coordinator:") + holder;
        Actor actor = requestedBy != null ? new Actor(Actor.Kind.COORDINATOR, requestedBy)
                : new Actor(unit ? Actor.Kind.UNIT : Actor.Kind.COORDINATOR, holder);
        audit.record(new AuditEntry(AuditTrail.entryId(AuditAction.LINK_SENT, target, requestId), at, actor,
                AuditAction.LINK_SENT, target, null, "发送至 " + String.join("、", to), null, null));
        if (unit) {
            store.markLinkSent(holder, at, to);
        }
    }
}
