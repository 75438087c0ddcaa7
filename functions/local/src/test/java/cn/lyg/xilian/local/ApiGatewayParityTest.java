package cn.lyg.xilian.local;

import cn.lyg.xilian.api.ApiHandler;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import cn.lyg.xilian.testkit.aws.LambdaSerialization;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same requests through the local Netty server and through the API function's handler (events as API
 * Gateway shapes them, (de)serialized by the runtime's own serializer) give the same status, body and cookies:
 * the deployed shape behaves as the local run everyone tests by hand.
 */
@ExtendWith(DynaliteExtension.class)
class ApiGatewayParityTest {

    static ApplicationContext function;
    static ApiHandler handler;
    static EmbeddedServer netty;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        String table = Dynalite.uniqueTableName("parity");
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        // this module's class path also holds the job functions' beans (their SnapStart priming renders a mail)
        p.put("xilian.base-url", "https://xilian.example.cn");
        function = ApplicationContext.builder().properties(p).environments("function").start();
        handler = new ApiHandler(function);
        new TableCreator(function.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            function.getBean(CatalogRepository.class).load(CatalogJson.read(in));
        }
        netty = ApplicationContext.run(EmbeddedServer.class, p);
    }

    @AfterAll
    static void stop() {
        netty.close();
        function.close();
    }

    /** One request, as a list of headers, sent both ways. */
    record Exchange(int status, String body, List<String> cookies) {
    }

    static Exchange viaFunction(String method, String target, List<String[]> headers, String form) {
        HttpApiEvent e = HttpApiEvent.request(method, target);
        headers.forEach(h -> e.header(h[0], h[1]));
        if (form != null) {
            e.form(form);
        }
        APIGatewayV2HTTPEvent event = LambdaSerialization.read(e.toJson(), APIGatewayV2HTTPEvent.class);
        HttpApiResponse r = HttpApiResponse.parse(LambdaSerialization.write(handler.handleRequest(event, new MockLambdaContext())));
        return new Exchange(r.status(), r.text(), r.setCookies());
    }

    static Exchange viaNetty(String method, String target, List<String[]> headers, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + netty.getPort() + target));
        // API Gateway terminates TLS and says so; the same header tells the app it is served over https here.
        b.header("X-Forwarded-Proto", "https");
        headers.forEach(h -> b.header(h[0], h[1]));
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Exchange(r.statusCode(), r.body(), r.headers().allValues("set-cookie"));
    }

    /** Sends the request both ways and checks they agree; returns the function's answer. */
    static Exchange same(String method, String target, List<String[]> headers, String form) throws Exception {
        Exchange lambda = viaFunction(method, target, headers, form);
        Exchange local = viaNetty(method, target, headers, form);
        assertThat(lambda.status()).as("%s %s status", method, target).isEqualTo(local.status());
        assertThat(comparable(lambda.body())).as("%s %s body", method, target).isEqualTo(comparable(local.body()));
        assertThat(lambda.cookies().stream().map(ApiGatewayParityTest::withoutExpiry).toList())
                .as("%s %s cookies", method, target)
                .containsExactlyInAnyOrderElementsOf(local.cookies().stream().map(ApiGatewayParityTest::withoutExpiry).toList());
        return lambda;
    }

    /** Each render draws a fresh idempotency key for the form; everything else must be byte for byte equal. */
    static String comparable(String body) {
        return body.replaceAll("name=\"idempotencyKey\" value=\"[A-Za-z0-9_-]+\"", "name=\"idempotencyKey\" value=\"…\"");
    }

    static String withoutExpiry(String setCookie) {
        return setCookie.replaceAll("(?i);\\s*Expires=[^;]*", "");
    }

    static List<String[]> headers(String... nameValues) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(new String[]{nameValues[i], nameValues[i + 1]});
        }
        return list;
    }

    @Test
    void theVisitOfAUnitAndACoordinatorAgreesBothWays() throws Exception {
        String unit = function.getBean(Credentials.class).issue(Role.UNIT, "guanyun", Duration.ofDays(7)).token();
        String coordinator = function.getBean(Credentials.class).issue(Role.COORDINATOR, null, Duration.ofDays(7)).token();

        same("GET", "/catalog", headers(), null);
        Exchange confirm = same("GET", "/login?token=" + URLEncoder.encode(unit, StandardCharsets.UTF_8), headers(), null);
        assertThat(confirm.cookies()).as("the link alone signs nobody in").isEmpty();
        assertThat(same("POST", "/login", headers("Sec-Fetch-Site", "cross-site"), "token=" + unit).status()).isEqualTo(403);
        String cookie = signIn(unit);
        same("GET", "/", headers("Cookie", "_ga=GA1.2.3; " + cookie), null);
        Exchange page = same("GET", "/tasks/2.5", headers("Cookie", cookie), null);
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([0-9a-f]+)\".*", "$1");
        String invalid = "_csrf=" + csrf + "&idempotencyKey=parity-key-1&status=" + URLEncoder.encode("推进中", StandardCharsets.UTF_8)
                + "&percent=abc&progress=" + URLEncoder.encode("合作园区<b>招商</b>", StandardCharsets.UTF_8);
        Exchange rejected = same("POST", "/tasks/2.5", headers("Cookie", cookie, "Sec-Fetch-Site", "same-origin"), invalid);
        assertThat(rejected.status()).isEqualTo(422);
        Exchange crossSite = same("POST", "/tasks/2.5", headers("Cookie", cookie, "Sec-Fetch-Site", "cross-site"), invalid);
        assertThat(crossSite.status()).isEqualTo(403);
        same("GET", "/api/v1/tasks", headers("Authorization", "Bearer " + unit), null);
        same("GET", "/api/v1/tasks/nope", headers("Authorization", "Bearer " + unit), null);

        String coordinatorCookie = signIn(coordinator);
        Exchange board = same("GET", "/board?light=RED&field=INDUSTRY&sort=risk", headers("Cookie", coordinatorCookie), null);
        assertThat(board.status()).isEqualTo(200);
        Exchange repeated = same("GET", "/board?light=RED&light=GREEN", headers("Cookie", coordinatorCookie), null);
        assertThat(repeated.status()).isEqualTo(400);
        same("GET", "/board/ledger.csv?field=EDUCATION", headers("Cookie", coordinatorCookie), null);
        // the first (function) deletes the session, the second (Netty) finds none: both answer the same
        Exchange logout = same("POST", "/logout", headers("Cookie", cookie, "Sec-Fetch-Site", "same-origin"), "_csrf=" + csrf);
        assertThat(logout.cookies()).singleElement().asString().containsIgnoringCase("Max-Age=0");
        same("GET", "/", headers(), null);
        assertThat(same("GET", "/", headers("Cookie", cookie), null).status()).as("signed out everywhere").isEqualTo(401);
    }

    /**
     * One sign-in through the function (a session id is random: two sign-ins cannot give the same cookie); the
     * session lives in the shared table, so both runtimes accept it.
     */
    static String signIn(String token) {
        Exchange login = viaFunction("POST", "/login", headers("Sec-Fetch-Site", "same-origin"), "token=" + token);
        assertThat(login.status()).as(login.body()).isEqualTo(303);
        return login.cookies().getFirst().split(";", 2)[0];
    }
}
