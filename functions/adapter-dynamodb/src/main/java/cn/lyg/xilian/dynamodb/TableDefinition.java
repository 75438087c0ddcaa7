package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;

/**
 * The key schema of the single table (infra/dynamodb/TABLE.md). template.yaml must declare the same;
 * a test can compare it against these constants.
 */
public final class TableDefinition {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    /** Epoch seconds after which DynamoDB may delete an item (sessions, rate counters); template.yaml enables it. */
    public static final String TTL = "ttl";

    /** Every key attribute is a string. */
    public static final List<String> KEY_ATTRIBUTES = List.of(PK, SK, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK);

    /** Index name → (hash key, range key); both indexes project ALL attributes. */
    public static final List<IndexKeys> GLOBAL_SECONDARY_INDEXES = List.of(
            new IndexKeys(GSI1, GSI1_PK, GSI1_SK),
            new IndexKeys(GSI2, GSI2_PK, GSI2_SK));

    public record IndexKeys(String indexName, String hashKey, String rangeKey) {
    }

    private TableDefinition() {
    }

    /** The key attributes of the table ({@code indexName} null) or of one of its indexes. */
    static IndexKeys keysOf(String indexName) {
        if (indexName == null) {
            return new IndexKeys(null, PK, SK);
        }
        return GLOBAL_SECONDARY_INDEXES.stream().filter(i -> i.indexName().equals(indexName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index " + indexName));
    }

    /** CreateTable request for on-demand billing, as template.yaml declares the table. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(KEY_ATTRIBUTES.stream()
                        .map(name -> AttributeDefinition.builder()
                                .attributeName(name).attributeType(ScalarAttributeType.S).build())
                        .toList())
                .keySchema(keySchema(PK, SK))
                .globalSecondaryIndexes(GLOBAL_SECONDARY_INDEXES.stream()
                        .map(index -> GlobalSecondaryIndex.builder()
                                .indexName(index.indexName())
                                .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())
                        .toList())
                .build();
    }

    private static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
        return List.of(
                KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build());
    }
}
