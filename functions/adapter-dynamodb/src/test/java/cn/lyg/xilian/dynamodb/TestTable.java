package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.TaskUnitState;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

/**
 * A fresh, uniquely named table on the shared dynalite, with its clients: one per test class, so test
 * classes never see each other's items.
 */
final class TestTable implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    DynamoDbSettings settings;
    DynamoDbClient client;

    private TestTable() {
    }

    /**
     * The table of the declaring test class, as {@code @RegisterExtension static final TestTable table =
     * TestTable.perClass()}: created before the class's {@code @BeforeAll} methods, its client closed after its
     * {@code @AfterAll} methods.
     */
    static TestTable perClass() {
        return new TestTable();
    }

    static TestTable create(Dynalite dynalite, Class<?> testClass) {
        TestTable table = new TestTable();
        table.open(dynalite, testClass);
        return table;
    }

    private void open(Dynalite dynalite, Class<?> testClass) {
        // dynalite accepts any signature, but the SDK needs some credentials to sign with. The surefire
        // configuration sets these; the fallback serves runs from an IDE.
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
        settings = DynamoDbSettings.of(Dynalite.uniqueTableName(testClass.getSimpleName()), dynalite.endpoint(),
                "cn-north-1");
        client = DynamoDbClientFactory.client(settings);
        new TableCreator(client).createIfAbsent(settings.tableName());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open(DynaliteExtension.dynalite(context), context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
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
        if (client != null) {
            client.close();
        }
    }
}
