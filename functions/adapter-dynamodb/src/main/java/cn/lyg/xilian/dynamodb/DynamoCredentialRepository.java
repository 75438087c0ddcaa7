package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Credentials ({@link CredentialItem}), listed through {@code gsi1}; see infra/dynamodb/TABLE.md. */
public class DynamoCredentialRepository extends DynamoStore implements CredentialRepository {

    public DynamoCredentialRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public void create(Credential c) {
        credentials().putItem(r -> r.item(CredentialItem.of(c)).conditionExpression(Conditions.ITEM_ABSENT));
    }

    @Override
    public Optional<Credential> find(String hash) {
        return get(credentials(), CredentialItem.key(hash)).map(CredentialItem::credential);
    }

    @Override
    public List<Credential> list(String unitId) {
        QueryConditional which = unitId == null ? partition(Keys.CREDENTIALS_INDEX_PK)
                : beginsWith(Keys.CREDENTIALS_INDEX_PK, CredentialItem.group(unitId) + Keys.SEPARATOR);
        return items(byUnit().query(which)).map(CredentialItem::credential)
                .sorted(Comparator.comparing(Credential::issuedAt)).toList();
    }

    /**
     * Low-level: {@code if_not_exists} keeps the first revocation time when revoked twice, in one call that also
     * tells whether the credential exists (the Enhanced Client's update would overwrite it).
     */
    @Override
    public boolean revoke(String hash, Instant when) {
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Conditions.key(Keys.credentialPk(hash), Keys.CREDENTIAL))
                    .updateExpression("SET revokedAt = if_not_exists(revokedAt, :t)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", Conditions.s(Keys.time(when)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Fixed-width UTC times compare as strings; the condition keeps an earlier expiry (idempotent). */
    @Override
    public boolean expireBy(String hash, Instant when) {
        return setIf(credentials(), CredentialItem.expiry(hash, when), Conditions.when(
                "attribute_exists(pk) AND (attribute_not_exists(expiresAt) OR expiresAt > :t)", ":t", when))
                || find(hash).isPresent();
    }

    private DynamoDbTable<CredentialItem> credentials() {
        return table(CredentialItem.SCHEMA);
    }

    private DynamoDbIndex<CredentialItem> byUnit() {
        return credentials().index(TableDefinition.GSI1);
    }
}
