package cn.lyg.xilian.local;

import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.tools.LoadPlanCommand;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local application as infra/bin/local starts it (environment "local", Netty on a real socket, dynalite):
 * a fresh table is created and loaded, the sign-in links work, a 受阻 report reaches the outbox through the
 * same submission-event handler as in AWS, and a restart changes nothing and keeps the links.
 */
@ExtendWith(DynaliteExtension.class)
class LocalApplicationTest {

    private static Dynalite dynalite;
    private static final int PORT = freePort();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void server(Dynalite server) {
        dynalite = server;
    }

    private static Map<String, Object> properties(String table, Path data) {
        Map<String, Object> p = new HashMap<>();
        // A real free port, not -1: the links in the emails are built from it (http://localhost:<port>), and the
        // restart keeps it, as infra/bin/local does.
        p.put("micronaut.server.port", PORT);
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.local.data-dir", data.toString());
        p.put("xilian.local.catalog", root().resolve("infra/plans/plan-2026.json").toString());
        // infra/bin/local reads infra/local/contacts.yml (micronaut.config.files); the same keys here.
        p.put("xilian.contacts.coordinators", List.of("coordinator@ndrc.example.cn"));
        p.put("xilian.contacts.units.donghai", List.of("donghai@example.cn"));
        p.put("aws.region", "cn-north-1");
        return p;
    }

    @Test
    void aFreshStartServesThePlanSignsInAndMailsABlockedReportAndARestartKeepsEverything(@TempDir Path data)
            throws Exception {
        String table = Dynalite.uniqueTableName("local-app");
        Path links = data.resolve("dev-credentials.txt");
        String firstLinks;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(table, data),
                LocalApplication.ENVIRONMENT)) {
            URI base = server.getURI();

            HttpResponse<String> catalog = get(base.resolve("/catalog"), null);
            assertThat(catalog.statusCode()).isEqualTo(200);
            assertThat(catalog.body()).contains("连政办发〔2026〕13号", "统筹开展两市帮扶合作", "深化人力资源领域帮扶合作",
                    "海州区（连云港高新区）", "3.6.5");

            firstLinks = Files.readString(links, StandardCharsets.UTF_8);
            List<String> lines = firstLinks.lines().filter(l -> l.contains("/login?token=")).toList();
            assertThat(lines).hasSize(1 + 29); // the coordinators + every unit of the plan
            String donghai = token(lines.stream().filter(l -> l.contains("(donghai)")).findFirst().orElseThrow());
            // issue 23: the directory is seeded with the local contacts, and the coordinators' link belongs to the
            // development coordinator account
            var started = server.getApplicationContext();
            assertThat(started.getBean(cn.lyg.xilian.core.admin.Directory.class).unit("donghai").orElseThrow()
                    .contacts()).containsExactly("donghai@example.cn");
            assertThat(started.getBean(cn.lyg.xilian.core.access.Credentials.class).authenticate(token(lines.getFirst())))
                    .isInstanceOfSatisfying(cn.lyg.xilian.core.access.CredentialCheck.Valid.class,
                            v -> assertThat(v.principal().accountId()).isEqualTo(LocalBootstrap.DEV_COORDINATOR_ID));

            HttpResponse<String> confirm = get(base.resolve("/login?token=" + donghai), null);
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("确认登录", "东海县");
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + donghai)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(303);
            String cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
            HttpResponse<String> myTasks = get(base.resolve("/"), cookie);
            assertThat(myTasks.body()).contains("我的任务", "2.8", "东海县").doesNotContain("3.2.3");

            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/tasks/2.8/progress"))
                    .header("Authorization", "Bearer " + donghai)
                    .header("Idempotency-Key", "local-app-test-1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"status\":\"受阻\",\"percent\":30,\"progress\":\"签约推迟\",\"problems\":\"待省级审批\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).isEqualTo(201);

            // The response did not wait for the email: it arrives from the submission-event handler.
            List<Path> mails = awaitMail(data.resolve("outbox"), Duration.ofSeconds(20));
            assertThat(mails).hasSize(1);
            String eml = Files.readString(mails.getFirst(), StandardCharsets.ISO_8859_1);
            assertThat(eml).contains("To: coordinator@ndrc.example.cn");
        }

        try (EmbeddedServer restarted = restartOnTheSamePort(properties(table, data))) {
            assertThat(Files.readString(links, StandardCharsets.UTF_8)).isEqualTo(firstLinks);
            var again = restarted.getApplicationContext();
            assertThat(again.getBean(cn.lyg.xilian.core.admin.Directory.class).read().coordinators())
                    .singleElement().satisfies(c -> {
                        assertThat(c.id()).isEqualTo(LocalBootstrap.DEV_COORDINATOR_ID);
                        assertThat(c.name()).isEqualTo(LocalBootstrap.DEV_COORDINATOR_NAME);
                        assertThat(c.email()).isEqualTo("coordinator@ndrc.example.cn");
                    });
            var trail = again.getBean(cn.lyg.xilian.core.audit.AuditTrail.class);
            assertThat(again.getBean(cn.lyg.xilian.core.audit.AuditLog.class).month(trail.currentMonth()).stream()
                    .filter(e -> e.action() == cn.lyg.xilian.core.audit.AuditAction.COORDINATOR_ADDED))
                    .as("created once, on record once").hasSize(1);
            String coordinator = token(firstLinks.lines().filter(l -> l.contains("/login?token=")).findFirst().orElseThrow());
            HttpResponse<String> task = http.send(HttpRequest.newBuilder(restarted.getURI().resolve("/api/v1/tasks/2.8"))
                    .header("Authorization", "Bearer " + coordinator).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(task.statusCode()).isEqualTo(200);
            assertThat(task.body()).contains("local-app-test-1", "签约推迟");
        }
    }

    /**
     * The restart binds the same port, as infra/bin/local does. Right after the first server closed, the port can
     * still be held for a moment (a closing connection, or another process's ephemeral port on this shared
     * machine): retry the bind for up to 10 s; any other startup failure is thrown at once.
     */
    private static EmbeddedServer restartOnTheSamePort(Map<String, Object> properties) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            ApplicationContext context = ApplicationContext.builder(LocalApplication.ENVIRONMENT)
                    .properties(properties).start();
            try {
                return context.getBean(EmbeddedServer.class).start(); // its close() stops the context too
            } catch (ServerStartupException e) {
                context.close(); // jobs and clients of the failed attempt do not linger
                if (!(rootCause(e) instanceof BindException) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void loadPlanCommandIsIdempotentAndRefusesAMissingTable(@TempDir Path data) throws Exception {
        String table = Dynalite.uniqueTableName("load-plan");
        Map<String, Object> props = Map.of("xilian.dynamodb.endpoint", dynalite.endpoint().toString(),
                "xilian.dynamodb.table", table, "aws.region", "cn-north-1");
        String catalog = root().resolve("infra/plans/plan-2026.json").toString();
        try (ApplicationContext context = ApplicationContext.run(props)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(LoadPlanCommand.run(context, List.of(catalog), new PrintStream(out), new PrintStream(err)))
                    .isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");

            assertThat(LoadPlanCommand.run(context, List.of(catalog, "--create-table"), new PrintStream(out),
                    new PrintStream(err))).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("44 tasks", "216 created");
            out.reset();
            assertThat(LoadPlanCommand.run(context, List.of(catalog), new PrintStream(out), new PrintStream(err)))
                    .isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 created, 0 updated, 216 unchanged");
            assertThat(context.containsBean(LocalBootstrap.class)).as("no local bootstrap outside the local run")
                    .isFalse();
        }
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String line) {
        return java.net.URLDecoder.decode(line.substring(line.indexOf("token=") + 6).strip(), StandardCharsets.UTF_8);
    }

    private static List<Path> awaitMail(Path outbox, Duration patience) throws Exception {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    List<Path> eml = files.filter(f -> f.toString().endsWith(".eml")).toList();
                    if (!eml.isEmpty()) {
                        return eml;
                    }
                }
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path root() {
        return Path.of(System.getProperty("xilian.root", "../..")).toAbsolutePath().normalize();
    }
}
