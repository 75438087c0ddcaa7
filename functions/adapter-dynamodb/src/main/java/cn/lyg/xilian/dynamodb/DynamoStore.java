package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every repository of the one table holds: the shared client (built once) and the configured table name. */
abstract class DynamoStore {

    protected final DynamoDbClient client;
    protected final String table;

    DynamoStore(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = settings.tableName();
    }
}
