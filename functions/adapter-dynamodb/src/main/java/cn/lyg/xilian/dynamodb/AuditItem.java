package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * An entry of the audit trail: pk {@code AUDIT#<yyyy-MM>} (the month in Asia/Shanghai), sk the entry's id. Put once
 * with {@code attribute_not_exists(pk)}, never updated or deleted, and without a {@code ttl}: the trail is kept for
 * the life of the table (infra/docs/SECURITY.md).
 */
record AuditItem(String pk, String sk, String type, String id, Instant at, Actor.Kind actorKind, String actorId,
                 AuditAction action, String target, String before, String after, String ip, String userAgent)
        implements ItemSchema.Keyed {

    static final String TYPE = "AUDIT";

    static final TableSchema<AuditItem> SCHEMA;

    static {
        var s = ItemSchema.item(AuditItem.class);
        var type = s.string("type", AuditItem::type);
        var id = s.string("id", AuditItem::id);
        var at = s.time("at", AuditItem::at);
        var actorKind = s.enumeration("actorKind", Actor.Kind.class, AuditItem::actorKind);
        var actorId = s.string("actorId", AuditItem::actorId);
        var action = s.enumeration("action", AuditAction.class, AuditItem::action);
        var target = s.string("target", AuditItem::target);
        var before = s.string("before", AuditItem::before);
        var after = s.string("after", AuditItem::after);
        var ip = s.string("ip", AuditItem::ip);
        var userAgent = s.string("userAgent", AuditItem::userAgent);
        SCHEMA = s.build(v -> new AuditItem(v.pk(), v.sk(), v.get(type), v.get(id), v.get(at), v.get(actorKind),
                v.get(actorId), v.get(action), v.get(target), v.get(before), v.get(after), v.get(ip),
                v.get(userAgent)));
    }

    static AuditItem of(AuditEntry e) {
        Instant at = DynamoStore.millis(e.at());
        return new AuditItem(Keys.auditPk(Keys.auditMonth(at)), Keys.auditSk(e.id()), TYPE, e.id(), at,
                e.actor().kind(), e.actor().id(), e.action(), e.target(), e.before(), e.after(), e.ip(),
                e.userAgent());
    }

    AuditEntry entry() {
        return new AuditEntry(id, at, new Actor(actorKind, actorId), action, target, before, after, ip, userAgent);
    }
}
