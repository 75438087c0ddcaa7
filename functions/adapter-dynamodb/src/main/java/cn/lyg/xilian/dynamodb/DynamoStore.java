package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What every repository of the one table holds: the shared client (built once), the Enhanced Client over it, and the
 * configured table name; and the few ways the repositories use the Enhanced Client's tables.
 *
 * <p>Gets, puts, deletes, key-condition queries (with their pagination), batch gets and the updates that only set
 * attributes go through the Enhanced Client and the items' static schemas. The low-level {@link #client} serves only
 * the updates the Enhanced Client cannot express: its UpdateItem sets every non-null attribute of an item and
 * removes the null ones (or none), so {@code ADD} and {@code DELETE} on sets, {@code REMOVE} of chosen attributes,
 * {@code if_not_exists}, {@code list_append} and paths inside a map are written as expressions
 * (infra/dynamodb/TABLE.md lists them).
 */
abstract class DynamoStore {

    protected final DynamoDbClient client;
    protected final DynamoDbEnhancedClient enhanced;
    protected final String tableName;

    DynamoStore(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        // The default extensions: the atomic counter serves the rate counter; no schema has a version attribute.
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.tableName = settings.tableName();
    }

    /**
     * The table as items of one record type: a cheap view of the shared client, made where it is used, so that a
     * schema is built (its record class initialised) when a repository first reads or writes that item type, not
     * when the repository is created (a use case built for a request may hold repositories it never calls).
     */
    protected final <T> DynamoDbTable<T> table(TableSchema<T> schema) {
        return enhanced.table(tableName, schema);
    }

    static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }

    /** A query of every item of one partition. */
    static QueryConditional partition(String pk) {
        return QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build());
    }

    /** A query of the items of one partition whose sort key starts with {@code prefix}. */
    static QueryConditional beginsWith(String pk, String prefix) {
        return QueryConditional.sortBeginsWith(key(pk, prefix));
    }

    /** A put that writes only when no item has the key (create-once semantics): false when the key is taken. */
    static <T> boolean putIfAbsent(DynamoDbTable<T> table, T item) {
        try {
            table.putItem(r -> r.item(item).conditionExpression(Conditions.ITEM_ABSENT));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * The item under a key, read consistently: a write this process just made (a claim, a stored report, a
     * revocation) must be seen, or a retry would act twice.
     */
    static <T> Optional<T> get(DynamoDbTable<T> table, Key key) {
        return Optional.ofNullable(table.getItem(r -> r.key(key).consistentRead(true)));
    }

    /**
     * Sets the item's non-null attributes (its key names the item) when {@code condition} holds: false when it does
     * not. Nothing is returned but the outcome, as a plain UpdateItem.
     */
    static <T> boolean setIf(DynamoDbTable<T> table, T item, Expression condition) {
        try {
            table.updateItem(r -> r.item(item).ignoreNulls(true).conditionExpression(condition)
                    .returnValues(ReturnValue.NONE));
            return true;
        } catch (ConditionalCheckFailedException conditionFailed) {
            return false;
        }
    }

    /**
     * Low-level ({@code REMOVE} of the gsi2 keys alone, which the Enhanced Client cannot express): takes a sparse
     * item out of its gsi2 partition once {@code waitingAttribute} (the set of those it still waits for) is gone.
     * The guard makes a late or repeated call harmless; a failed guard leaves the item indexed, the safe side.
     */
    protected final void leaveIndexOnceEmpty(String pk, String sk, String... waitingAttributes) {
        java.util.Map<String, String> names = new java.util.HashMap<>(java.util.Map.of("#gsi2pk",
                TableDefinition.GSI2_PK, "#gsi2sk", TableDefinition.GSI2_SK, "#pk", TableDefinition.PK));
        StringBuilder condition = new StringBuilder("attribute_exists(#pk)");
        for (int i = 0; i < waitingAttributes.length; i++) {
            names.put("#waiting" + i, waitingAttributes[i]);
            condition.append(" AND attribute_not_exists(#waiting").append(i).append(')');
        }
        try {
            client.updateItem(b -> b.tableName(tableName).key(Conditions.key(pk, sk))
                    .updateExpression("REMOVE #gsi2pk, #gsi2sk")
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(names));
        } catch (ConditionalCheckFailedException stillWaiting) {
            // cannot happen with the current writers (the set never grows); leaving it indexed is the safe side
        }
    }

    /** A time at the table's precision (milliseconds), so that what a write returns is what a read returns. */
    static Instant millis(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Every item of every page (DynamoDB and dynalite cut a query at 1 MB); items of unlisted types left out. */
    static <T> Stream<T> items(SdkIterable<Page<T>> pages) {
        return pages.stream().map(Page::items).flatMap(java.util.List::stream).filter(Objects::nonNull);
    }
}
