package cn.lyg.xilian.dynamodb;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the table lives. Bound from configuration by the application module; built by hand in tests.
 *
 * @param tableName        the single table (see infra/dynamodb/TABLE.md)
 * @param endpointOverride e.g. a local dynalite; empty for the regional AWS endpoint
 * @param region           AWS region id, e.g. "cn-north-1"; required even locally because requests are signed
 */
public record DynamoDbSettings(String tableName, Optional<URI> endpointOverride, String region) {
    public DynamoDbSettings {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(region, "region");
        endpointOverride = endpointOverride == null ? Optional.empty() : endpointOverride;
        if (tableName.isBlank()) {
            throw new IllegalArgumentException("tableName is blank");
        }
    }

    public static DynamoDbSettings of(String tableName, URI endpointOverride, String region) {
        return new DynamoDbSettings(tableName, Optional.ofNullable(endpointOverride), region);
    }

    public DynamoDbSettings withTableName(String otherTable) {
        return new DynamoDbSettings(otherTable, endpointOverride, region);
    }
}
