package cn.lyg.xilian.dynamodb.micronaut;

import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;

/**
 * {@code xilian.dynamodb.*}: which table, and where. In Lambda only {@code table} and {@code region} are
 * set (from the function's environment via application.yml placeholders); locally and in tests
 * {@code endpoint} points at dynalite. {@code api-call-attempt-timeout} (default 3s) and
 * {@code api-call-timeout} (default 8s, see {@link DynamoDbSettings}) bound every SDK call; a function may
 * set them through its environment ({@code XILIAN_DYNAMODB_API_CALL_TIMEOUT=5s}).
 */
@ConfigurationProperties("xilian.dynamodb")
public class DynamoDbProperties {

    private String table = "xilian-local";
    @Nullable
    private URI endpoint;
    private String region = "cn-north-1";
    private Duration apiCallAttemptTimeout = DynamoDbSettings.DEFAULT_API_CALL_ATTEMPT_TIMEOUT;
    private Duration apiCallTimeout = DynamoDbSettings.DEFAULT_API_CALL_TIMEOUT;

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    @Nullable
    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(@Nullable URI endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Duration getApiCallAttemptTimeout() {
        return apiCallAttemptTimeout;
    }

    public void setApiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
        this.apiCallAttemptTimeout = apiCallAttemptTimeout;
    }

    public Duration getApiCallTimeout() {
        return apiCallTimeout;
    }

    public void setApiCallTimeout(Duration apiCallTimeout) {
        this.apiCallTimeout = apiCallTimeout;
    }
}
