package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Session;
import cn.lyg.xilian.core.access.SessionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions as items {@code SESSION#<sha256 of id>} / {@code SESSION} (infra/dynamodb/TABLE.md): one consistent
 * GetItem per request, an UpdateItem at most every few minutes (last use), a DeleteItem at sign-out. The
 * {@code ttl} attribute (epoch seconds) lets DynamoDB purge sessions past their absolute limit; reads never
 * rely on it (TTL deletion is late, and dynalite has none).
 */
public class DynamoSessionRepository extends DynamoStore implements SessionRepository {

    public DynamoSessionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public void create(Session session, Instant purgeAfter) {
        client.putItem(Conditions.putIfAbsent(table, Attributes.item()
                .key(Keys.sessionPk(session.idHash()), Keys.SESSION)
                .s("type", "SESSION")
                .s("credentialHash", session.credentialHash())
                .time("createdAt", session.createdAt())
                .time("lastSeenAt", session.lastSeenAt())
                .n(TableDefinition.TTL, purgeAfter.getEpochSecond())
                .build()));
    }

    @Override
    public Optional<Session> find(String idHash) {
        return Conditions.consistentGet(client, table, key(idHash)).map(Attributes::of)
                .map(i -> new Session(idHash, i.s("credentialHash"), i.time("createdAt"), i.time("lastSeenAt")));
    }

    @Override
    public void touch(String idHash, Instant when) {
        try {
            client.updateItem(b -> b.tableName(table).key(key(idHash))
                    .updateExpression("SET lastSeenAt = :t")
                    .conditionExpression("attribute_exists(pk) AND lastSeenAt < :t")
                    .expressionAttributeValues(Map.of(":t", Attributes.s(Keys.time(when)))));
        } catch (ConditionalCheckFailedException signedOutOrNewer) {
            // Signed out meanwhile (must not be re-created) or a later use was recorded: nothing to do.
        }
    }

    @Override
    public void delete(String idHash) {
        client.deleteItem(b -> b.tableName(table).key(key(idHash)));
    }

    private static Map<String, AttributeValue> key(String idHash) {
        return Conditions.key(Keys.sessionPk(idHash), Keys.SESSION);
    }
}
