package cn.lyg.xilian.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault injector on the network path between a function and an AWS API server (dynalite, LocalStack):
 * an HTTP proxy on a free local port that forwards every request unchanged, except those a rule picks,
 * which it answers with an AWS error (throttling, 5xx) or stalls (connection open, no answer) until
 * {@link #release()}. The SDK under test is real and unchanged; only the wire misbehaves.
 *
 * <p>Operations are recognised as the SDKs send them: {@code X-Amz-Target: DynamoDB_20120810.PutItem}
 * (JSON protocols) or {@code Action=SendRawEmail} in the form body (query protocols such as SES v1).
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do with a request a rule picks. */
    public enum Fault { STALL_BEFORE_FORWARDING, STALL_AFTER_FORWARDING, ANSWER_ERROR }

    /**
     * A rule: applies to the next {@code times} requests of {@code operation} ("*" = any) whose body contains
     * {@code bodyContains} (null = any body).
     */
    public record Rule(String operation, String bodyContains, Fault fault, int status, String contentType, String body,
                       AtomicInteger remaining) {
        boolean takes(String op, String requestBody) {
            return (operation.equals("*") || operation.equals(op))
                    && (bodyContains == null || requestBody.contains(bodyContains))
                    && remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faulted = new ConcurrentHashMap<>();
    private volatile CountDownLatch stall = new CountDownLatch(1);

    private FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy forwarding to {@code target} (e.g. http://127.0.0.1:4566). */
    public static FaultProxy to(URI target) {
        try {
            return new FaultProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls of {@code operation} stall (see {@link Fault}) until {@link #release()}. */
    public FaultProxy stall(String operation, Fault fault, int times) {
        return stallWhere(operation, null, fault, times);
    }

    /** As {@link #stall}, only for requests whose body contains {@code bodyContains}. */
    public FaultProxy stallWhere(String operation, String bodyContains, Fault fault, int times) {
        rules.add(new Rule(operation, bodyContains, fault, 0, null, null, new AtomicInteger(times)));
        return this;
    }

    /** The next {@code times} calls of {@code operation} get this AWS error answer instead of the server's. */
    public FaultProxy fail(String operation, int times, int status, String contentType, String body) {
        return failWhere(operation, null, times, status, contentType, body);
    }

    /** As {@link #fail}, only for requests whose body contains {@code bodyContains} (e.g. one item's key). */
    public FaultProxy failWhere(String operation, String bodyContains, int times, int status, String contentType,
                                String body) {
        rules.add(new Rule(operation, bodyContains, Fault.ANSWER_ERROR, status, contentType, body, new AtomicInteger(times)));
        return this;
    }

    /** SES (query protocol) throttling, as SES answers when the sending rate is exceeded. */
    public FaultProxy throttleSes(String operation, String bodyContains, int times) {
        return failWhere(operation, bodyContains, times, 400, "text/xml", "<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">"
                + "<Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message>"
                + "</Error><RequestId>fault-proxy</RequestId></ErrorResponse>");
    }

    /** A DynamoDB (JSON protocol) 500, as DynamoDB answers an internal failure. */
    public FaultProxy failDynamoDb(String operation, String bodyContains, int times) {
        return failWhere(operation, bodyContains, times, 500, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"fault-proxy\"}");
    }

    /** Lets stalled requests go on and drops all rules. */
    public void release() {
        rules.clear();
        CountDownLatch old = stall;
        stall = new CountDownLatch(1);
        old.countDown();
    }

    /** Requests seen per operation (forwarded or not). */
    public int seen(String operation) {
        AtomicInteger n = seen.get(operation);
        return n == null ? 0 : n.get();
    }

    /** Requests per operation that got a fault instead of the server's answer. */
    public int faulted(String operation) {
        AtomicInteger n = faulted.get(operation);
        return n == null ? 0 : n.get();
    }

    public Map<String, Integer> seenCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        seen.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String op = operation(exchange, body);
            seen.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
            String text = new String(body, StandardCharsets.UTF_8);
            Rule rule = rules.stream().filter(r -> r.takes(op, text)).findFirst().orElse(null);
            if (rule != null) {
                faulted.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
            }
            if (rule != null && rule.fault() == Fault.ANSWER_ERROR) {
                byte[] answer = rule.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", rule.contentType());
                exchange.getResponseHeaders().set("x-amzn-RequestId", "fault-proxy");
                exchange.sendResponseHeaders(rule.status(), answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            }
            CountDownLatch latch = stall;
            if (rule != null && rule.fault() == Fault.STALL_BEFORE_FORWARDING) {
                await(latch);
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (rule != null && rule.fault() == Fault.STALL_AFTER_FORWARDING) {
                await(latch); // the server did the work; its answer is held back
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException | RuntimeException clientGone) {
            // the caller timed out and closed the connection: nothing to answer
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String operation(HttpExchange exchange, byte[] body) {
        String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (amzTarget != null) {
            return amzTarget.substring(amzTarget.lastIndexOf('.') + 1);
        }
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        return exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
