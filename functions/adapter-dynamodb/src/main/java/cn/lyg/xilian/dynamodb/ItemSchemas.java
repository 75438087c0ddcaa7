package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.dynamodb.CalendarItems.CalendarItem;
import cn.lyg.xilian.dynamodb.CalendarItems.WarningItem;
import cn.lyg.xilian.dynamodb.DigestItems.DigestItem;
import cn.lyg.xilian.dynamodb.DigestItems.SnapshotItem;
import cn.lyg.xilian.dynamodb.EvidenceItems.SlotsItem;
import cn.lyg.xilian.dynamodb.EvidenceItems.UploadItem;
import cn.lyg.xilian.dynamodb.ExtensionItems.PendingItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * Every item type's static schema, in one list: what SnapStart priming and the API's early start build ahead of the
 * first request (each schema is built once, when its record class is initialised, and kept in a static field).
 */
public final class ItemSchemas {

    private ItemSchemas() {
    }

    static List<TableSchema<?>> all() {
        return List.of(PlanPartition.SCHEMA, SubmissionItem.SCHEMA, StateItem.SCHEMA, CredentialItem.SCHEMA,
                SessionItem.SCHEMA, RateItem.SCHEMA, SupervisionPartition.SCHEMA, PendingItem.SCHEMA,
                UploadItem.SCHEMA, SlotsItem.SCHEMA, AlertItem.SCHEMA, DigestItem.SCHEMA, SnapshotItem.SCHEMA,
                CalendarItem.SCHEMA, WarningItem.SCHEMA);
    }

    /**
     * Builds every schema and maps one bare item through each (the Enhanced Client's mapping classes load then, not
     * at the first request). Returns how many schemas there are. Reads nothing from the table.
     */
    public static int prime() {
        Map<String, AttributeValue> bare = Map.of(TableDefinition.PK, AttributeValue.fromS("PRIMING"),
                TableDefinition.SK, AttributeValue.fromS(Keys.STATE_PREFIX + "PRIMING"));
        List<TableSchema<?>> schemas = all();
        schemas.forEach(schema -> roundTrip(schema, bare));
        return schemas.size();
    }

    private static <T> void roundTrip(TableSchema<T> schema, Map<String, AttributeValue> item) {
        T mapped = schema.mapToItem(item);
        if (mapped != null) {
            schema.itemToMap(mapped, true);
        }
    }
}
