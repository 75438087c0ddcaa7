package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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

/** The web application on Netty over a real socket, against a fresh table on the shared dynalite. */
final class TestApp implements AutoCloseable {

    final EmbeddedServer server;
    final ApplicationContext ctx;
    final Plan plan;

    private TestApp(EmbeddedServer server, Plan plan) {
        this.server = server;
        this.ctx = server.getApplicationContext();
        this.plan = plan;
    }

    static Map<String, Object> properties(Dynalite dynalite, String table) {
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        p.put("micronaut.server.max-request-size", 262144);
        return p;
    }

    static TestApp start(Dynalite dynalite) {
        return start(dynalite, Map.of());
    }

    /** With extra properties, e.g. {@code test.today} (see {@link FixedClockFactory}). */
    static TestApp start(Dynalite dynalite, Map<String, Object> extra) {
        String table = Dynalite.uniqueTableName("web");
        Map<String, Object> p = properties(dynalite, table);
        p.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p);
        Plan plan = plan2026();
        new TableCreator(server.getApplicationContext().getBean(DynamoDbClient.class)).createIfAbsent(table);
        server.getApplicationContext().getBean(CatalogRepository.class).load(plan);
        return new TestApp(server, plan);
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
        ctx.getBean(ProgressRepository.class).record(new Submission(plan.year(), taskId, unitId,
                "fixture-" + taskId.replace('.', '_') + "-" + unitId, status, percent, Map.of(), "进展：" + taskId,
                problems, null, "测试", null, java.time.OffsetDateTime.parse(submittedAt).toInstant()));
    }

    String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @Override
    public void close() {
        server.close();
    }
}
