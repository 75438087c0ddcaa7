package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Session;
import cn.lyg.xilian.core.access.SessionRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Optional;

/**
 * Sessions ({@link SessionItem}, infra/dynamodb/TABLE.md): one consistent GetItem per request, an UpdateItem at most
 * every few minutes (last use), a DeleteItem at sign-out. Reads never rely on TTL (its deletion is late, and dynalite
 * has none).
 */
public class DynamoSessionRepository extends DynamoStore implements SessionRepository {

    public DynamoSessionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public void create(Session session, Instant purgeAfter) {
        sessions().putItem(r -> r.item(SessionItem.of(session, purgeAfter))
                .conditionExpression(Conditions.ITEM_ABSENT));
    }

    @Override
    public Optional<Session> find(String idHash) {
        return get(sessions(), SessionItem.key(idHash)).map(item -> item.session(idHash));
    }

    /** Not when signed out meanwhile (it must not be re-created) or when a later use was recorded. */
    @Override
    public void touch(String idHash, Instant when) {
        setIf(sessions(), SessionItem.lastSeen(idHash, when),
                Conditions.when("attribute_exists(pk) AND lastSeenAt < :t", ":t", when));
    }

    @Override
    public void delete(String idHash) {
        sessions().deleteItem(SessionItem.key(idHash));
    }

    private DynamoDbTable<SessionItem> sessions() {
        return table(SessionItem.SCHEMA);
    }
}
