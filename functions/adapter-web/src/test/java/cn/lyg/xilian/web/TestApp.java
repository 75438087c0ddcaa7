package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web application on Netty over a real socket, against a fresh table on the shared dynalite. A test class
 * declares it as {@code @RegisterExtension static final TestApp app = TestApp.running(…)}: it starts before the
 * class's {@code @BeforeAll} methods and closes after its {@code @AfterAll} methods.
 */
final class TestApp implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, Object> extra;
    EmbeddedServer server;
    ApplicationContext ctx;
    Plan plan;

    private TestApp(Map<String, Object> extra) {
        this.extra = extra;
    }

    static TestApp running() {
        return running(Map.of());
    }

    /** With extra properties, e.g. {@code test.today} (see {@link FixedClockFactory}). */
    static TestApp running(Map<String, Object> extra) {
        return new TestApp(extra);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Dynalite dynalite = DynaliteExtension.dynalite(context);
        String table = Dynalite.uniqueTableName("web");
        Map<String, Object> p = properties(dynalite, table);
        p.putAll(extra);
        server = ApplicationContext.run(EmbeddedServer.class, p);
        ctx = server.getApplicationContext();
        plan = plan2026();
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        ctx.getBean(CatalogRepository.class).load(plan);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    static Map<String, Object> properties(Dynalite dynalite, String table) {
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        p.put("micronaut.server.max-request-size", 262144);
        p.put("micronaut.server.thread-selection", "blocking"); // as the local run (local's application.yml)
        return p;
    }

    static Plan plan2026() {
        Path root = Path.of(System.getProperty("xilian.root", "../.."));
        try (InputStream in = Files.newInputStream(root.resolve("infra/plans/plan-2026.json"))) {
            return CatalogJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String issue(Role role, String unitId) {
        return ctx.getBean(Credentials.class).issue(role, unitId, Duration.ofDays(30)).token();
    }

    List<Submission> history(String taskId) {
        return ctx.getBean(ProgressRepository.class).historyOfTask(plan.year(), taskId);
    }

    /** Stores a submission directly through the repository, at a chosen time (a fixture, not the form). */
    void record(String taskId, String unitId, ProgressStatus status, int percent, String problems, String submittedAt) {
        ctx.getBean(ProgressRepository.class).record(SubmissionBuilder.submission(taskId, unitId).year(plan.year())
                .key("fixture-" + taskId.replace('.', '_') + "-" + unitId).status(status, percent)
                .progress("进展：" + taskId).problems(problems).reporter("测试")
                .at(java.time.OffsetDateTime.parse(submittedAt).toInstant()).build());
    }

    String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }
}
