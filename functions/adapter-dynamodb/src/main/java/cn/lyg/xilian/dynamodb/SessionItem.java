package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Session;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * A browser session: pk {@code SESSION#<sha256 of id>}, sk {@code SESSION}; {@code ttl} (epoch seconds) lets
 * DynamoDB purge it after its absolute limit.
 */
record SessionItem(String pk, String sk, String type, String credentialHash, Instant createdAt, Instant lastSeenAt,
                   Long ttl) implements ItemSchema.Keyed {

    static final TableSchema<SessionItem> SCHEMA;

    static {
        var s = ItemSchema.item(SessionItem.class);
        var type = s.string("type", SessionItem::type);
        var credentialHash = s.string("credentialHash", SessionItem::credentialHash);
        var createdAt = s.time("createdAt", SessionItem::createdAt);
        var lastSeenAt = s.time("lastSeenAt", SessionItem::lastSeenAt);
        var ttl = s.number(TableDefinition.TTL, SessionItem::ttl);
        SCHEMA = s.build(v -> new SessionItem(v.pk(), v.sk(), v.get(type), v.get(credentialHash),
                v.get(createdAt), v.get(lastSeenAt), v.get(ttl)));
    }

    static SessionItem of(Session session, Instant purgeAfter) {
        return new SessionItem(Keys.sessionPk(session.idHash()), Keys.SESSION, "SESSION", session.credentialHash(),
                session.createdAt(), session.lastSeenAt(), purgeAfter.getEpochSecond());
    }

    /** The item's key and a new last use, nothing else: what an update sets. */
    static SessionItem lastSeen(String idHash, Instant at) {
        return new SessionItem(Keys.sessionPk(idHash), Keys.SESSION, null, null, null, at, null);
    }

    static Key key(String idHash) {
        return DynamoStore.key(Keys.sessionPk(idHash), Keys.SESSION);
    }

    Session session(String idHash) {
        return new Session(idHash, credentialHash, createdAt, lastSeenAt);
    }
}
