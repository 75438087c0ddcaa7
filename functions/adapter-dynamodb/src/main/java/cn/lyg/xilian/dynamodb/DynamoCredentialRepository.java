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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials as items {@code CRED#<sha256>} / {@code CRED}, listed through {@code gsi1} ({@code CREDS} /
 * {@code <unitId>#<issuedAt>}), see infra/dynamodb/TABLE.md. Uses the low-level client: six string
 * attributes do not need a table schema.
 */
public class DynamoCredentialRepository extends DynamoStore implements CredentialRepository {

    /** Sort key of coordinator credentials in gsi1 (they have no unit). Upper case: unit ids are lower case. */
    static final String COORDINATOR_GROUP = "COORDINATOR";

    public DynamoCredentialRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public void create(Credential c) {
        client.putItem(Conditions.putIfAbsent(table, Attributes.item()
                .key(Keys.credentialPk(c.hash()), Keys.CREDENTIAL)
                .s(TableDefinition.GSI1_PK, Keys.CREDENTIALS_INDEX_PK)
                .s(TableDefinition.GSI1_SK, Keys.credentialIndexSk(group(c.unitId()), c.issuedAt()))
                .s("type", "CRED")
                .s("hash", c.hash())
                .s("role", c.role().name())
                .s("unitId", c.unitId())
                .time("issuedAt", c.issuedAt())
                .time("expiresAt", c.expiresAt())
                .time("revokedAt", c.revokedAt())
                .build()));
    }

    @Override
    public Optional<Credential> find(String hash) {
        return Conditions.consistentGet(client, table, key(hash)).map(DynamoCredentialRepository::fromItem);
    }

    @Override
    public List<Credential> list(String unitId) {
        List<Credential> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(TableDefinition.GSI1);
            if (unitId == null) {
                q.keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", s(Keys.CREDENTIALS_INDEX_PK)));
            } else {
                q.keyConditionExpression("gsi1pk = :p AND begins_with(gsi1sk, :u)")
                        .expressionAttributeValues(Map.of(":p", s(Keys.CREDENTIALS_INDEX_PK),
                                ":u", s(group(unitId) + Keys.SEPARATOR)));
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
                    .key(key(hash))
                    .updateExpression("SET revokedAt = if_not_exists(revokedAt, :t)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", s(Keys.time(when)))));
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
                    .key(key(hash))
                    .updateExpression("SET expiresAt = :t")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(expiresAt) OR expiresAt > :t)")
                    .expressionAttributeValues(Map.of(":t", s(Keys.time(when)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return find(hash).isPresent();
        }
    }

    private static String group(String unitId) {
        return unitId == null ? COORDINATOR_GROUP : unitId;
    }

    private static Credential fromItem(Map<String, AttributeValue> raw) {
        var i = Attributes.of(raw);
        return new Credential(i.s("hash"), i.enumValue("role", Role.class), i.s("unitId"), i.time("issuedAt"),
                i.time("expiresAt"), i.time("revokedAt"));
    }

    private static Map<String, AttributeValue> key(String hash) {
        return Conditions.key(Keys.credentialPk(hash), Keys.CREDENTIAL);
    }

    private static AttributeValue s(String v) {
        return Attributes.s(v);
    }
}
