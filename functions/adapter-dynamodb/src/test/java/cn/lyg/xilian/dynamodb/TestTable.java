package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.testkit.Dynalite;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh, uniquely named table on the shared dynalite, with its clients: one per test class, so test
 * classes never see each other's items.
 */
final class TestTable implements AutoCloseable {

    final DynamoDbSettings settings;
    final DynamoDbClient client;
    final DynamoDbEnhancedClient enhanced;

    private TestTable(DynamoDbSettings settings) {
        this.settings = settings;
        this.client = DynamoDbClientFactory.client(settings);
        this.enhanced = DynamoDbClientFactory.enhancedClient(client);
    }

    static TestTable create(Dynalite dynalite, Class<?> testClass) {
        // dynalite accepts any signature, but the SDK needs some credentials to sign with. The surefire
        // configuration sets these; the fallback serves runs from an IDE.
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
        TestTable table = new TestTable(DynamoDbSettings.of(
                Dynalite.uniqueTableName(testClass.getSimpleName()), dynalite.endpoint(), "cn-north-1"));
        new TableCreator(table.client).createIfAbsent(table.settings.tableName());
        return table;
    }

    DynamoCatalogRepository catalog() {
        return new DynamoCatalogRepository(client, enhanced, settings);
    }

    DynamoProgressRepository progress() {
        return new DynamoProgressRepository(client, enhanced, settings);
    }

    @Override
    public void close() {
        client.close();
    }
}
