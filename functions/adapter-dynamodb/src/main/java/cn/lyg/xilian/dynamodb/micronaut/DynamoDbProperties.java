package cn.lyg.xilian.dynamodb.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;

/**
 * {@code xilian.dynamodb.*}: which table, and where. In Lambda only {@code table} and {@code region} are
 * set (from the function's environment via application.yml placeholders); locally and in tests
 * {@code endpoint} points at dynalite.
 */
@ConfigurationProperties("xilian.dynamodb")
public class DynamoDbProperties {

    private String table = "xilian-local";
    @Nullable
    private URI endpoint;
    private String region = "cn-north-1";

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
}
