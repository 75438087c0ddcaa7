package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.Role;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * A credential: pk {@code CRED#<sha256>}, sk {@code CRED}, listed through gsi1 ({@code CREDS} /
 * {@code <unitId or COORDINATOR>#<issuedAt>}); {@code accountId} names the coordinator account of a coordinator's link
 * (absent on older ones); see infra/dynamodb/TABLE.md.
 */
record CredentialItem(String pk, String sk, String gsi1pk, String gsi1sk, String type, String hash, Role role,
                      String unitId, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                      String accountId)
        implements ItemSchema.Keyed {

    /** Sort key of coordinator credentials in gsi1 (they have no unit). Upper case: unit ids are lower case. */
    static final String COORDINATOR_GROUP = "COORDINATOR";

    static final TableSchema<CredentialItem> SCHEMA;

    static {
        var s = ItemSchema.item(CredentialItem.class);
        var gsi1pk = s.gsi1pk(CredentialItem::gsi1pk);
        var gsi1sk = s.gsi1sk(CredentialItem::gsi1sk);
        var type = s.string("type", CredentialItem::type);
        var hash = s.string("hash", CredentialItem::hash);
        var role = s.enumeration("role", Role.class, CredentialItem::role);
        var unitId = s.string("unitId", CredentialItem::unitId);
        var issuedAt = s.time("issuedAt", CredentialItem::issuedAt);
        var expiresAt = s.time("expiresAt", CredentialItem::expiresAt);
        var revokedAt = s.time("revokedAt", CredentialItem::revokedAt);
        var accountId = s.string("accountId", CredentialItem::accountId);
        SCHEMA = s.build(v -> new CredentialItem(v.pk(), v.sk(), v.get(gsi1pk), v.get(gsi1sk), v.get(type),
                v.get(hash), v.get(role), v.get(unitId), v.get(issuedAt), v.get(expiresAt), v.get(revokedAt),
                v.get(accountId)));
    }

    static CredentialItem of(Credential c) {
        return new CredentialItem(Keys.credentialPk(c.hash()), Keys.CREDENTIAL, Keys.CREDENTIALS_INDEX_PK,
                Keys.credentialIndexSk(group(c.unitId()), c.issuedAt()), "CRED", c.hash(), c.role(), c.unitId(),
                c.issuedAt(), c.expiresAt(), c.revokedAt(), c.accountId());
    }

    /** The item's key and a new expiry, nothing else: what an update sets. */
    static CredentialItem expiry(String hash, Instant expiresAt) {
        return new CredentialItem(Keys.credentialPk(hash), Keys.CREDENTIAL, null, null, null, null, null, null, null,
                expiresAt, null, null);
    }

    static Key key(String hash) {
        return DynamoStore.key(Keys.credentialPk(hash), Keys.CREDENTIAL);
    }

    /** The gsi1 sort key group of a unit's credentials, or of the coordinators'. */
    static String group(String unitId) {
        return unitId == null ? COORDINATOR_GROUP : unitId;
    }

    Credential credential() {
        return new Credential(hash, role, unitId, issuedAt, expiresAt, revokedAt, accountId);
    }
}
