package cn.lyg.xilian.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the table lives and how long a call to it may take. Bound from configuration by the application
 * module; built by hand in tests.
 *
 * @param tableName             the single table (see infra/dynamodb/TABLE.md)
 * @param endpointOverride      e.g. a local dynalite; empty for the regional AWS endpoint
 * @param region                AWS region id, e.g. "cn-north-1"; required even locally because requests are signed
 * @param apiCallAttemptTimeout one HTTP attempt (the SDK then retries within the call timeout)
 * @param apiCallTimeout        one SDK call including its retries: a stalled table fails a request after at
 *                              most this long instead of hanging until the function's timeout
 */
public record DynamoDbSettings(String tableName, Optional<URI> endpointOverride, String region,
                               Duration apiCallAttemptTimeout, Duration apiCallTimeout) {

    /**
     * DynamoDB answers in milliseconds; an attempt that takes seconds is a stalled connection. With these
     * bounds a request that meets a stalled table is answered (503) within about 8 s, well inside API
     * Gateway's 30 s integration limit and the API function's 30 s timeout (template.yaml).
     */
    public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(8);

    public DynamoDbSettings {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(region, "region");
        endpointOverride = endpointOverride == null ? Optional.empty() : endpointOverride;
        apiCallAttemptTimeout = apiCallAttemptTimeout == null ? DEFAULT_API_CALL_ATTEMPT_TIMEOUT : apiCallAttemptTimeout;
        apiCallTimeout = apiCallTimeout == null ? DEFAULT_API_CALL_TIMEOUT : apiCallTimeout;
        if (tableName.isBlank()) {
            throw new IllegalArgumentException("tableName is blank");
        }
        if (apiCallAttemptTimeout.isNegative() || apiCallAttemptTimeout.isZero()
                || apiCallTimeout.compareTo(apiCallAttemptTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < apiCallAttemptTimeout <= apiCallTimeout, got "
                    + apiCallAttemptTimeout + " / " + apiCallTimeout);
        }
    }

    /** With the default timeouts. */
    public DynamoDbSettings(String tableName, Optional<URI> endpointOverride, String region) {
        this(tableName, endpointOverride, region, null, null);
    }

    public static DynamoDbSettings of(String tableName, URI endpointOverride, String region) {
        return new DynamoDbSettings(tableName, Optional.ofNullable(endpointOverride), region);
    }

    public DynamoDbSettings withTableName(String otherTable) {
        return new DynamoDbSettings(otherTable, endpointOverride, region, apiCallAttemptTimeout, apiCallTimeout);
    }

    public DynamoDbSettings withTimeouts(Duration attempt, Duration call) {
        return new DynamoDbSettings(tableName, endpointOverride, region, attempt, call);
    }
}
