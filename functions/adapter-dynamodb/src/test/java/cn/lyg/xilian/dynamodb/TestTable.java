package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.TaskUnitState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

/**
 * A fresh, uniquely named table on the shared dynalite, with its clients: one per test class, so test
 * classes never see each other's items.
 */
final class TestTable implements AutoCloseable {

    final DynamoDbSettings settings;
    final DynamoDbClient client;

    private TestTable(DynamoDbSettings settings) {
        this.settings = settings;
        this.client = DynamoDbClientFactory.client(settings);
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
        return new DynamoCatalogRepository(client, settings);
    }

    DynamoProgressRepository progress() {
        return new DynamoProgressRepository(client, settings);
    }

    /** The state of one assigned pair, through the port's per-task query. */
    static Optional<TaskUnitState> state(ProgressRepository progress, int year, String taskId, String unitId) {
        return progress.statesOfTask(year, taskId).stream().filter(s -> s.unitId().equals(unitId)).findFirst();
    }

    /** One task of the stored plan. */
    static Optional<PlanTask> task(CatalogRepository catalog, int year, String taskId) {
        return catalog.plan(year).flatMap(plan -> plan.task(taskId));
    }

    @Override
    public void close() {
        client.close();
    }
}
