package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.dynamodb.TableDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 (low findings), the answers only Netty gives: a request whose headers exceed Netty's limit is answered
 * before any filter runs (413), and Micronaut's CORS filter refuses a foreign {@code Origin} on localhost with a
 * bodiless 403. Both now carry the security headers and our error shape. An unexpected exception is logged with its
 * stack trace while the client sees only a Chinese 500. (What both runtimes share is in {@code SecurityMatrix}.)
 */
class FrameworkAnswersSecurityTest {

    @RegisterExtension
    static final TestApp app = TestApp.running();

    /** The raw answer to raw request bytes: status line and headers, then the body. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("localhost", app.server.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertSecurityHeaders(String answer) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("x-content-type-options: nosniff", "x-frame-options: deny",
                "referrer-policy: same-origin", "cache-control: no-store", "content-security-policy: default-src 'none'");
    }

    @Test
    void headersOverTheLimitAreA413WithOurHeadersAndWords() throws IOException {
        String big = "X-Filler: " + "a".repeat(20_000) + "\r\n";
        String page = raw("GET /catalog HTTP/1.1\r\nHost: localhost\r\n" + big + "\r\n");
        assertThat(page).startsWith("HTTP/1.1 413");
        assertSecurityHeaders(page);
        assertThat(page).contains("text/html", "data-code=\"REQUEST_TOO_LARGE\"").doesNotContain("_links");

        String api = raw("GET /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\n" + big + "\r\n");
        assertThat(api).startsWith("HTTP/1.1 413");
        assertSecurityHeaders(api);
        assertThat(api).contains("application/json", "\"code\":\"REQUEST_TOO_LARGE\"").doesNotContain("_links");
    }

    @Test
    void aForeignOriginOnLocalhostIsRefusedWithOurHeadersAndWords() {
        String cookie = Http.signIn(app.url(""), app.issue(Role.UNIT, "donghai"));
        HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(app.url("/tasks/2.8")))
                .header("Cookie", cookie).header("Origin", "https://evil.example").GET().build());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).startsWith("default-src 'none'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("data-code=\"CROSS_SITE_REQUEST\"").doesNotContain("东海县");
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsDetailWhileTheClientSeesNone() throws IOException {
        String token = app.issue(Role.UNIT, "park-huiyu");
        HttpResponse<String> stored = new ApiClient(app).submit("2.6", token,
                "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"惠宇进展\"}");
        assertThat(stored.statusCode()).isEqualTo(201);
        String key = app.history("2.6").get(0).idempotencyKey();
        String table = app.ctx.getProperty("xilian.dynamodb.table", String.class).orElseThrow();
        app.ctx.getBean(DynamoDbClient.class).updateItem(b -> b.tableName(table)
                .key(Map.of(TableDefinition.PK, AttributeValue.fromS(Keys.taskHistoryPk(2026, "2.6")),
                        TableDefinition.SK, AttributeValue.fromS(Keys.submissionSk("park-huiyu", key))))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("CORRUPT_9c1e"))));

        HttpResponse<String> r = new ApiClient(app).get("/api/v1/tasks/2.6", token);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"code\":\"INTERNAL_ERROR\",\"message\":\"系统内部错误，请稍后重试或联系管理员。\"}");
        String log = Files.readString(Path.of("target/unexpected-errors.log"), StandardCharsets.UTF_8);
        // The detail is the Enhanced Client's enum converter's (issue 21), raised under the repository's read.
        assertThat(log).contains("ERROR io.micronaut.http.server.RouteExecutor - Unexpected error occurred: "
                + "Unable to convert string value 'CORRUPT_9c1e' to enum type 'class cn.lyg.xilian.core.progress.ProgressStatus'")
                .contains("\tat cn.lyg.xilian.dynamodb.DynamoProgressRepository");
    }
}
