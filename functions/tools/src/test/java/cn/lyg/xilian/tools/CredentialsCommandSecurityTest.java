package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, findings 2 and 8: credentials expire by default, {@code --days} is bounded, mistakes give one
 * clear line (no stack trace), {@code rotate} exists, and the command logs at WARN (it printed ~260 DEBUG
 * lines, SigV4 canonical requests included).
 */
@ExtendWith(DynaliteExtension.class)
class CredentialsCommandSecurityTest {

    static ApplicationContext ctx;
    static Dynalite server;
    static String table;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        server = dynalite;
        table = Dynalite.uniqueTableName("cmd-sec");
        ctx = ApplicationContext.run(Map.of("xilian.dynamodb.endpoint", dynalite.endpoint().toString(),
                "xilian.dynamodb.table", table, "xilian.dynamodb.region", "us-east-1",
                "xilian.web.public-base-url", "https://xilian.example.cn"));
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."), "infra/plans/plan-2026.json"))) {
            ctx.getBean(CatalogRepository.class).load(CatalogJson.read(in));
        }
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CredentialsCommand.run(ctx, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String token(String printed) {
        return printed.replaceAll("(?s).*/login\\?token=([A-Za-z0-9_-]{43}).*", "$1");
    }

    @Test
    void withoutDaysACredentialExpiresSixtyDaysAfterThePlanYear() {
        Run r = run("issue", "donghai");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("到期 2027-03-01T16:00:00Z");
        assertThat(run("list", "donghai").out()).doesNotContain("不过期");
    }

    @Test
    void badOptionsGiveOneClearLineAndNoStackTrace() {
        for (List<String> args : List.of(List.of("issue", "donghai", "--days", "-1"),
                List.of("issue", "donghai", "--days", "abc"), List.of("issue", "donghai", "--days", "0"),
                List.of("issue", "donghai", "--days", "401"), List.of("issue", "donghai", "--days"),
                List.of("issue", "donghai", "--weeks", "2"), List.of("issue"), List.of("rotate"),
                List.of("issue", "donghai", "--grace-days", "3"), List.of("frobnicate"))) {
            Run r = run(args.toArray(String[]::new));
            assertThat(r.status()).as("%s", args).isEqualTo(2);
            assertThat(r.err()).as("%s", args).startsWith("错误: ").contains("用法:")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).as("nothing issued for %s", args).doesNotContain("/login?token=");
        }
        assertThat(run("issue", "donghai", "--days", "-1").err()).contains("--days 须为 1 到 400 之间的整数");
        Run unknownUnit = run("issue", "nowhere");
        assertThat(unknownUnit.status()).isEqualTo(1);
        assertThat(unknownUnit.err()).startsWith("错误: 计划中没有单位 nowhere").doesNotContain("Exception");
    }

    @Test
    void rotateIssuesANewCredentialAndRetiresTheOldAfterTheGracePeriod() {
        Credentials credentials = ctx.getBean(Credentials.class);
        String old = token(run("issue", "ganyu", "--days", "30").out());
        Run rotated = run("rotate", "ganyu");
        assertThat(rotated.status()).isZero();
        assertThat(rotated.out()).contains("/login?token=").contains("旧凭据将于");
        String fresh = token(rotated.out());
        assertThat(credentials.authenticate(old)).as("valid during the 7-day grace").isInstanceOf(CredentialCheck.Valid.class);
        assertThat(credentials.authenticate(fresh)).isInstanceOf(CredentialCheck.Valid.class);

        Run now = run("rotate", "ganyu", "--grace-days", "0");
        assertThat(now.status()).isZero();
        assertThat(credentials.authenticate(old)).isInstanceOf(CredentialCheck.Expired.class);
        assertThat(credentials.authenticate(fresh)).isInstanceOf(CredentialCheck.Expired.class);
        assertThat(credentials.authenticate(token(now.out()))).isInstanceOf(CredentialCheck.Valid.class);
    }

    /** The real command line (a new JVM, as infra/bin/credentials runs it): quiet unless something is wrong. */
    @Test
    void theCommandLogsAtWarnAndReportsErrorsInOneLine() throws Exception {
        Run list = launch("list");
        assertThat(list.status()).as(list.err()).isZero();
        String all = list.out() + list.err();
        assertThat(all).doesNotContain("DEBUG").doesNotContain(" INFO ").doesNotContain("Canonical")
                .doesNotContain("Authorization");
        assertThat(all.lines().count()).as("a few lines, not hundreds").isLessThan(20);

        Run bad = launch("issue", "donghai", "--days", "abc");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--days 须为").doesNotContain("NumberFormatException").doesNotContain("\tat ");

        Run unreachable = launchWith(Map.of("XILIAN_DYNAMODB_ENDPOINT", "http://127.0.0.1:9"), "list");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("错误: ").doesNotContain("\tat ");
    }

    /** The runtime class path without test classes (their logback-test.xml would hide the command's own setup). */
    static String mainClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                // without test classes and test jars (the jobs tests' jar is on this module's test class path)
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/")
                        && !entry.endsWith("-tests.jar"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static Run launch(String... args) throws Exception {
        return launchWith(Map.of(), args);
    }

    static Run launchWith(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", mainClassPath(), CredentialsCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XILIAN_DYNAMODB_TABLE", table);
        pb.environment().put("XILIAN_DYNAMODB_REGION", "us-east-1");
        pb.environment().put("XILIAN_DYNAMODB_ENDPOINT", server.endpoint().toString());
        pb.environment().put("AWS_ACCESS_KEY_ID", "local");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        pb.environment().remove("XILIAN_ADMIN_LOG_LEVEL");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("cmd-out", ".txt");
        Path err = Files.createTempFile("cmd-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finishes").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
