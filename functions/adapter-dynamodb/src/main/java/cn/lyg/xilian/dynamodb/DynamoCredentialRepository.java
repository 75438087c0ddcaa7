package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials ({@link CredentialItem}), listed through {@code gsi1}, and the count of each credential's submissions
 * in the current UTC minute, kept on the credential item itself ({@link #countSubmission}); see
 * infra/dynamodb/TABLE.md.
 */
public class DynamoCredentialRepository extends DynamoStore implements CredentialRepository {

    /** The minute ({@code yyyy-MM-ddTHH:mm}, UTC) of the credential's last counted submission. */
    static final String RATE_MINUTE = "rateMinute";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);
    /** Whether the live-credential test holds: the same as Credential.expiredAt/revoked, in the table's terms. */
    private static final String LIVE = "attribute_exists(pk) AND attribute_not_exists(revokedAt)"
            + " AND (attribute_not_exists(expiresAt) OR expiresAt > :now)";
    /** A submitter that keeps losing races against itself is refused after this many rounds (never seen). */
    private static final int ROUNDS = 4;

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

    /**
     * One UpdateItem in the usual case. The count of the current minute is held by the attribute {@code rateMM}
     * named after the minute of the hour; every count removes the other 59, so at most one exists, the latest
     * minute's. A new minute therefore finds its attribute absent and ADD starts it at 1: no read to learn that the
     * minute changed. When the condition fails, one consistent read tells why: no credential, revoked, expired, at
     * the limit; or the attribute is a whole number of hours old (no submission in between), which one more
     * conditional write starts afresh. Old credential items have none of these attributes and read as before.
     */
    @Override
    public SubmissionCount countSubmission(String hash, Instant at, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a limit per minute is at least 1");
        }
        Instant now = at.truncatedTo(ChronoUnit.MILLIS); // the stored times' precision, so both tests agree
        String minute = MINUTE.format(now);
        String slot = rateSlot(now);
        Map<String, AttributeValue> values = Map.of(":now", Conditions.s(Keys.time(now)), ":minute",
                Conditions.s(minute), ":one", AttributeValue.fromN("1"), ":limit",
                AttributeValue.fromN(Integer.toString(perMinute)));
        for (int round = 0; round < ROUNDS; round++) {
            Optional<CredentialItem> counted = update(hash, "SET " + RATE_MINUTE + " = :minute ADD " + slot
                    + " :one REMOVE " + otherSlots(slot), LIVE + " AND (attribute_not_exists(" + slot + ") OR ("
                    + RATE_MINUTE + " = :minute AND " + slot + " < :limit))", values);
            if (counted.isPresent()) {
                return new SubmissionCount(true, counted.map(CredentialItem::credential));
            }
            Map<String, AttributeValue> stored = client.getItem(b -> b.tableName(tableName).consistentRead(true)
                    .key(Conditions.key(Keys.credentialPk(hash), Keys.CREDENTIAL))).item();
            if (stored == null || stored.isEmpty()) {
                return new SubmissionCount(false, Optional.empty());
            }
            Credential credential = CredentialItem.SCHEMA.mapToItem(stored).credential();
            AttributeValue count = stored.get(slot);
            AttributeValue storedMinute = stored.get(RATE_MINUTE);
            if (credential.revoked() || credential.expiredAt(now)) {
                return new SubmissionCount(false, Optional.of(credential));
            }
            if (count == null || storedMinute == null) {
                continue; // changed between the write and the read: the next round counts
            }
            if (minute.equals(storedMinute.s())) {
                if (Long.parseLong(count.n()) >= perMinute) {
                    return new SubmissionCount(false, Optional.of(credential));
                }
                continue;
            }
            // The attribute holds the count of this minute of an earlier hour: it starts again at 1.
            Map<String, AttributeValue> restart = new HashMap<>(values);
            restart.put(":seen", storedMinute);
            counted = update(hash, "SET " + RATE_MINUTE + " = :minute, " + slot + " = :one REMOVE "
                    + otherSlots(slot), LIVE + " AND " + RATE_MINUTE + " = :seen", restart);
            if (counted.isPresent()) {
                return new SubmissionCount(true, counted.map(CredentialItem::credential));
            }
        }
        throw new IllegalStateException("the submission count of a credential kept changing under " + ROUNDS
                + " attempts");
    }

    /** The counter attribute of the minute of the hour of {@code now}: {@code rate00} … {@code rate59}. */
    static String rateSlot(Instant now) {
        return "rate%02d".formatted(now.atOffset(ZoneOffset.UTC).getMinute());
    }

    /** The REMOVE list of every counter attribute but {@code slot}'s. */
    private static String otherSlots(String slot) {
        return OTHER_SLOTS.get(slot);
    }

    private static final Map<String, String> OTHER_SLOTS = new HashMap<>();

    static {
        for (int m = 0; m < 60; m++) {
            String slot = "rate%02d".formatted(m);
            StringBuilder names = new StringBuilder();
            for (int o = 0; o < 60; o++) {
                if (o != m) {
                    names.append(names.isEmpty() ? "" : ", ").append("rate%02d".formatted(o));
                }
            }
            OTHER_SLOTS.put(slot, names.toString());
        }
    }

    /** The item after the update, or empty when the condition failed. */
    private Optional<CredentialItem> update(String hash, String expression, String condition,
                                            Map<String, AttributeValue> values) {
        // Only the placeholders the expressions use: DynamoDB refuses unused ones.
        Map<String, AttributeValue> used = new HashMap<>();
        values.forEach((k, v) -> {
            if (expression.contains(k) || condition.contains(k)) {
                used.put(k, v);
            }
        });
        try {
            return Optional.of(CredentialItem.SCHEMA.mapToItem(client.updateItem(b -> b.tableName(tableName)
                    .key(Conditions.key(Keys.credentialPk(hash), Keys.CREDENTIAL))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeValues(used).returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private DynamoDbTable<CredentialItem> credentials() {
        return table(CredentialItem.SCHEMA);
    }

    private DynamoDbIndex<CredentialItem> byUnit() {
        return credentials().index(TableDefinition.GSI1);
    }
}
