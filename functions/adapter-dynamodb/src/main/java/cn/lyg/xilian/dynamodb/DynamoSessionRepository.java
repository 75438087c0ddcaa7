package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Session;
import cn.lyg.xilian.core.access.SessionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions as items {@code SESSION#<sha256 of id>} / {@code SESSION} (infra/dynamodb/TABLE.md): one consistent
 * GetItem per request, an UpdateItem at most every few minutes (last use), a DeleteItem at sign-out. The
 * {@code ttl} attribute (epoch seconds) lets DynamoDB purge sessions past their absolute limit; reads never
 * rely on it (TTL deletion is late, and dynalite has none).
 */
public class DynamoSessionRepository implements SessionRepository {

    private final DynamoDbClient client;
    private final String table;

    public DynamoSessionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = settings.tableName();
    }

    @Override
    public void create(Session session, Instant purgeAfter) {
        Map<String, AttributeValue> item = new HashMap<>(key(session.idHash()));
        item.put("type", s("SESSION"));
        item.put("credentialHash", s(session.credentialHash()));
        item.put("createdAt", s(Keys.time(session.createdAt())));
        item.put("lastSeenAt", s(Keys.time(session.lastSeenAt())));
        item.put(TableDefinition.TTL, AttributeValue.fromN(Long.toString(purgeAfter.getEpochSecond())));
        client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Session> find(String idHash) {
        var response = client.getItem(b -> b.tableName(table).consistentRead(true).key(key(idHash)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> i = response.item();
        return Optional.of(new Session(idHash, i.get("credentialHash").s(), Keys.parseTime(i.get("createdAt").s()),
                Keys.parseTime(i.get("lastSeenAt").s())));
    }

    @Override
    public void touch(String idHash, Instant when) {
        try {
            client.updateItem(b -> b.tableName(table).key(key(idHash))
                    .updateExpression("SET lastSeenAt = :t")
                    .conditionExpression("attribute_exists(pk) AND lastSeenAt < :t")
                    .expressionAttributeValues(Map.of(":t", s(Keys.time(when)))));
        } catch (ConditionalCheckFailedException signedOutOrNewer) {
            // Signed out meanwhile (must not be re-created) or a later use was recorded: nothing to do.
        }
    }

    @Override
    public void delete(String idHash) {
        client.deleteItem(b -> b.tableName(table).key(key(idHash)));
    }

    private static Map<String, AttributeValue> key(String idHash) {
        return Map.of(TableDefinition.PK, s(Keys.sessionPk(idHash)), TableDefinition.SK, s(Keys.SESSION));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
