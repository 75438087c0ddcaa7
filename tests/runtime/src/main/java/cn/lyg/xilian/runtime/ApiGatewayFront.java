package cn.lyg.xilian.runtime;

import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP API (payload format 2.0) in front of a function, for browsers on this machine: {@code sam local
 * start-api} without Docker. Each request becomes the event API Gateway would send (built by the shared
 * {@link HttpApiEvent}: cookies only in {@code cookies}, repeated headers and query parameters joined with
 * commas, {@code rawPath}/{@code rawQueryString} kept, lower-case names, {@code requestContext.http} filled,
 * forms and binary bodies base64); each answer is read as API Gateway reads it ({@link HttpApiResponse}: status,
 * headers, one {@code Set-Cookie} per {@code cookies} entry, base64 bodies decoded, {@code multiValueHeaders}
 * ignored). A function error is API Gateway's {@code 500 {"message":"Internal Server Error"}}.
 *
 * <p>Differences from API Gateway, on purpose: plain HTTP on 127.0.0.1 (so {@code x-forwarded-proto} is
 * {@code http}, and the host the browser used is the {@code domainName}); one function instance, so requests are
 * handled one at a time (as one Lambda instance handles them).
 */
public final class ApiGatewayFront implements AutoCloseable {

    /** The function behind the front: event JSON in, response JSON out. */
    @FunctionalInterface
    public interface Function {
        /** @return the function's response, or null when the function failed (Lambda's function error) */
        String invoke(String eventJson);
    }

    /** The emulator as the function: a handler error answers as API Gateway answers it. */
    public static Function of(LambdaEmulator emulator) {
        return event -> {
            Invocation invocation = emulator.invoke(event);
            return invocation.functionError() ? null : invocation.response();
        };
    }

    // Not passed on: API Gateway sets its own (x-forwarded-*) or they describe this hop only.
    private static final Set<String> HOP_HEADERS = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
            "proxy-connection", "te", "trailer", "content-length", "content-type", "host");

    private final HttpServer server;
    private final Function function;
    private final PrintStream log;

    private ApiGatewayFront(HttpServer server, Function function, PrintStream log) {
        this.server = server;
        this.function = function;
        this.log = log;
    }

    /** Starts the front on 127.0.0.1:{@code port} (0: a free port). {@code log} gets one line per request (may be null). */
    public static ApiGatewayFront start(Function function, int port, PrintStream log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        ApiGatewayFront front = new ApiGatewayFront(server, function, log);
        server.createContext("/", front::handle);
        server.setExecutor(null); // one request at a time, in the dispatcher thread: one function instance
        server.start();
        return front;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The event API Gateway would send for this request. */
    static String event(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        HttpApiEvent event = HttpApiEvent.request(exchange.getRequestMethod(), target)
                .protocol(exchange.getProtocol())
                .sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .time(Instant.now());
        String host = exchange.getRequestHeaders().getFirst("Host");
        event.domainName(host != null ? host : "127.0.0.1:" + exchange.getLocalAddress().getPort());
        event.header("host", host != null ? host : "127.0.0.1:" + exchange.getLocalAddress().getPort());
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (HOP_HEADERS.contains(name) || name.startsWith("x-forwarded-")) {
                continue;
            }
            h.getValue().forEach(v -> event.header(name, v));
        }
        event.header("x-forwarded-for", exchange.getRemoteAddress().getAddress().getHostAddress());
        event.header("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
        event.header("x-forwarded-proto", "http");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0) {
            event.body(type == null ? "application/octet-stream" : type, body);
        } else if (type != null) {
            event.header("content-type", type); // an empty form post still says what it is
        }
        return event.toJson();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String answer;
            try {
                answer = function.invoke(event(exchange, body));
            } catch (RuntimeException e) {
                if (log != null) {
                    log.println("front: the function could not be invoked: " + e.getMessage());
                }
                answer = null;
            }
            if (answer == null) {
                status = 500;
                send(exchange, 500, Map.of("content-type", "application/json"), List.of(),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                HttpApiResponse response = HttpApiResponse.parse(answer);
                status = response.status();
                send(exchange, status, response.headers(), response.setCookies(), response.body());
            }
        }
        if (log != null) {
            log.printf(Locale.ROOT, "front: %s %s → %d (%d ms)%n", exchange.getRequestMethod(), exchange.getRequestURI(),
                    status, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, List<String> setCookies,
                             byte[] body) throws IOException {
        headers.forEach((name, value) -> {
            if (!name.equals("set-cookie") && !name.equals("content-length") && !name.equals("transfer-encoding")) {
                exchange.getResponseHeaders().add(name, value);
            }
        });
        setCookies.forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
