package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Creates the table when it is absent; does nothing when it exists. For tests and the local run —
 * in AWS the table comes from template.yaml.
 */
public final class TableCreator {

    private final DynamoDbClient client;

    public TableCreator(DynamoDbClient client) {
        this.client = client;
    }

    /** @return true when this call created the table */
    public boolean createIfAbsent(String tableName) {
        if (exists(tableName)) {
            return false;
        }
        boolean created;
        try {
            client.createTable(TableDefinition.createTableRequest(tableName));
            created = true;
        } catch (ResourceInUseException createdConcurrently) {
            created = false;
        }
        client.waiter().waitUntilTableExists(DescribeTableRequest.builder().tableName(tableName).build());
        return created;
    }

    public boolean exists(String tableName) {
        try {
            client.describeTable(DescribeTableRequest.builder().tableName(tableName).build());
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
