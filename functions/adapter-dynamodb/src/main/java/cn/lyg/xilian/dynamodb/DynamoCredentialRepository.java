package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.CredentialRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials as items {@code CRED#<sha256>} / {@code CRED}, listed through {@code gsi1} ({@code CREDS} /
 * {@code <unitId>#<issuedAt>}), see infra/dynamodb/TABLE.md. Uses the low-level client: six string
 * attributes do not need a table schema.
 */
public class DynamoCredentialRepository implements CredentialRepository {

    /** Sort key of coordinator credentials in gsi1 (they have no unit). Upper case: unit ids are lower case. */
    static final String COORDINATOR_GROUP = "COORDINATOR";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient client;
    private final String table;

    public DynamoCredentialRepository(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = settings.tableName();
    }

    @Override
    public void create(Credential c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("CRED#" + c.hash()));
        item.put("sk", s("CRED"));
        item.put("gsi1pk", s("CREDS"));
        item.put("gsi1sk", s(group(c.unitId()) + "#" + TIME.format(c.issuedAt())));
        item.put("type", s("CRED"));
        item.put("hash", s(c.hash()));
        item.put("role", s(c.role().name()));
        if (c.unitId() != null) {
            item.put("unitId", s(c.unitId()));
        }
        item.put("issuedAt", s(TIME.format(c.issuedAt())));
        if (c.expiresAt() != null) {
            item.put("expiresAt", s(TIME.format(c.expiresAt())));
        }
        if (c.revokedAt() != null) {
            item.put("revokedAt", s(TIME.format(c.revokedAt())));
        }
        client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Credential> find(String hash) {
        var response = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s("CRED#" + hash), "sk", s("CRED"))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public List<Credential> list(String unitId) {
        List<Credential> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("gsi1");
            if (unitId == null) {
                q.keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("CREDS")));
            } else {
                q.keyConditionExpression("gsi1pk = :p AND begins_with(gsi1sk, :u)")
                        .expressionAttributeValues(Map.of(":p", s("CREDS"), ":u", s(group(unitId) + "#")));
            }
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse r = client.query(q.build());
            r.items().forEach(i -> out.add(fromItem(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        out.sort((a, b) -> a.issuedAt().compareTo(b.issuedAt()));
        return out;
    }

    @Override
    public boolean revoke(String hash, Instant when) {
        try {
            // if_not_exists keeps the first revocation time when revoked twice.
            client.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s("CRED#" + hash), "sk", s("CRED")))
                    .updateExpression("SET revokedAt = if_not_exists(revokedAt, :t)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", s(TIME.format(when)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean expireBy(String hash, Instant when) {
        try {
            // Fixed-width UTC times compare as strings; the condition keeps an earlier expiry (idempotent).
            client.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s("CRED#" + hash), "sk", s("CRED")))
                    .updateExpression("SET expiresAt = :t")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(expiresAt) OR expiresAt > :t)")
                    .expressionAttributeValues(Map.of(":t", s(TIME.format(when)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return find(hash).isPresent();
        }
    }

    private static String group(String unitId) {
        return unitId == null ? COORDINATOR_GROUP : unitId;
    }

    private static Credential fromItem(Map<String, AttributeValue> i) {
        return new Credential(i.get("hash").s(), Role.valueOf(i.get("role").s()),
                i.containsKey("unitId") ? i.get("unitId").s() : null,
                Instant.parse(i.get("issuedAt").s()),
                i.containsKey("expiresAt") ? Instant.parse(i.get("expiresAt").s()) : null,
                i.containsKey("revokedAt") ? Instant.parse(i.get("revokedAt").s()) : null);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
