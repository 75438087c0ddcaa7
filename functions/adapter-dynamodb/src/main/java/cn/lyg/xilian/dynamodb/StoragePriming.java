package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.dynamodb.CalendarItems.CalendarItem;
import cn.lyg.xilian.dynamodb.CalendarItems.WarningItem;
import cn.lyg.xilian.dynamodb.CatalogItems.PlanHeaderItem;
import cn.lyg.xilian.dynamodb.DigestItems.DigestItem;
import cn.lyg.xilian.dynamodb.DigestItems.SnapshotItem;
import cn.lyg.xilian.dynamodb.EvidenceItems.SlotsItem;
import cn.lyg.xilian.dynamodb.EvidenceItems.UploadItem;
import cn.lyg.xilian.dynamodb.ExtensionItems.PendingItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * Warm-up of the storage path for SnapStart priming and the API's early start: every item type's static schema (each
 * built once, when its record class is initialised, and kept in a static field), and the Enhanced Client's read path
 * (a GetItem of the plan header, a Query of the plan partition), so that their classes are loaded before the first
 * request rather than by it. Results are discarded; nothing is written.
 */
public final class StoragePriming {

    private StoragePriming() {
    }

    static List<TableSchema<?>> schemas() {
        // In the order a first request needs them: its credential or session, the plan, then the rest.
        return List.of(CredentialItem.SCHEMA, SessionItem.SCHEMA, PlanPartition.SCHEMA, SubmissionItem.SCHEMA,
                StateItem.SCHEMA, RateItem.SCHEMA, SupervisionPartition.SCHEMA, PendingItem.SCHEMA,
                UploadItem.SCHEMA, SlotsItem.SCHEMA, AlertItem.SCHEMA, DigestItem.SCHEMA, SnapshotItem.SCHEMA,
                CalendarItem.SCHEMA, WarningItem.SCHEMA);
    }

    /**
     * Builds every schema and maps one bare item through each (no table is read). Returns how many schemas there
     * are.
     */
    public static int buildSchemas() {
        Map<String, AttributeValue> bare = Map.of(TableDefinition.PK, AttributeValue.fromS("PRIMING"),
                TableDefinition.SK, AttributeValue.fromS(Keys.STATE_PREFIX + "PRIMING"));
        List<TableSchema<?>> schemas = schemas();
        schemas.forEach(schema -> roundTrip(schema, bare));
        return schemas.size();
    }

    /**
     * What a first request needs before it reads, prepared without reading (an on-demand init's early start, on a
     * second thread): the schemas of credentials, sessions and the plan partition, and the Enhanced Client's tables.
     */
    public static void prepareFirstRequest(DynamoDbClient client, DynamoDbSettings settings) {
        DynamoDbEnhancedClient enhanced = enhanced(client);
        List.of(CredentialItem.SCHEMA, SessionItem.SCHEMA, PlanPartition.SCHEMA)
                .forEach(schema -> enhanced.table(settings.tableName(), schema));
    }

    /** One GetItem of the plan header (eventually consistent) through the Enhanced Client: whether it exists. */
    public static boolean readPlanHeader(DynamoDbClient client, DynamoDbSettings settings, int year) {
        return enhanced(client).table(settings.tableName(), PlanHeaderItem.SCHEMA)
                .getItem(DynamoStore.key(Keys.planPk(year), Keys.META)) != null;
    }

    /** One Query page of at most {@code limit} items of the plan partition through the Enhanced Client: its size. */
    public static int readPlanPartition(DynamoDbClient client, DynamoDbSettings settings, int year, int limit) {
        return enhanced(client).table(settings.tableName(), PlanPartition.SCHEMA)
                .query(q -> q.limit(limit)
                        .queryConditional(DynamoStore.partition(Keys.planPk(year))))
                .iterator().next().items().size();
    }

    private static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    private static <T> void roundTrip(TableSchema<T> schema, Map<String, AttributeValue> item) {
        T mapped = schema.mapToItem(item);
        if (mapped != null) {
            schema.itemToMap(mapped, true);
        }
    }
}
