package cn.lyg.xilian.testkit.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A local stand-in for one vendor's group-robot webhook (com.sun.net.httpserver, loopback, a free port): it checks what
 * the vendor checks — the token in the URL, the signature and its timestamp window when a secret is set, the message's
 * size — records each accepted message, and can be told to answer an error code (or an HTTP status, or to stall) for
 * the next N requests. One subclass per vendor: {@link Wecom}, {@link Dingtalk}, {@link Feishu}.
 *
 * <p>The signatures are computed here independently of the sender's code (functions/adapter-chat), from the vendors'
 * documented definitions, so a test against a stub checks the sender's signing too.
 */
public abstract class RobotStub implements AutoCloseable {

    /** An accepted message: the markdown shown, the title where the vendor has one, the raw request body. */
    public record Received(String markdown, String title, String body) {
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SIGNATURE_WINDOW = Duration.ofHours(1);

    protected final String token;
    protected final String secret;
    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private int stalls;
    private int requests;
    private volatile Supplier<Instant> clock = Instant::now;

    protected RobotStub(String token, String secret) {
        this.token = token;
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The webhook to configure, on this stub's port. */
    public abstract String webhook();

    /** Answers {@code code} (with the vendor's text) to the next {@code times} requests, then accepts again. */
    public synchronized RobotStub answerNext(int code, int times) {
        for (int i = 0; i < times; i++) {
            answers.add(code);
        }
        return this;
    }

    /** Answers the HTTP status (e.g. 503) to the next {@code times} requests. */
    public synchronized RobotStub statusNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            statuses.add(status);
        }
        return this;
    }

    /** Holds the next {@code times} requests for 30 s without answering (a stalled robot). */
    public synchronized RobotStub stallNext(int times) {
        stalls += times;
        return this;
    }

    /** The time the stub checks timestamps against (the vendor's clock). */
    public RobotStub clock(Supplier<Instant> clock) {
        this.clock = clock;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Every request, accepted or not. */
    public synchronized int requests() {
        return requests;
    }

    protected String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * The vendor's verdict on a request before any scripted answer: 0 to accept, or an error code.
     *
     * @param body the parsed JSON body
     */
    protected abstract int check(URI uri, JsonNode body, Instant now);

    protected abstract Received message(JsonNode body, String raw);

    /** The vendor's answer for a code. */
    protected abstract String answer(int code);

    /** Whether the vendor answers an error code with HTTP 400 rather than 200 (飞书). */
    protected boolean errorsAreBadRequests() {
        return false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer scripted;
            Integer status;
            boolean stall;
            synchronized (this) {
                requests++;
                stall = stalls > 0;
                if (stall) {
                    stalls--;
                }
                status = statuses.poll();
                scripted = status == null && !stall ? answers.poll() : null;
            }
            if (stall) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (status != null) {
                respond(exchange, status, "{\"error\":\"unavailable\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{}");
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException notJson) {
                respond(exchange, 400, answer(badRequestCode()));
                return;
            }
            int code = check(exchange.getRequestURI(), body, clock.get());
            if (code == 0 && scripted != null) {
                code = scripted;
            }
            if (code == 0) {
                synchronized (this) {
                    received.add(message(body, raw));
                }
            }
            respond(exchange, code != 0 && errorsAreBadRequests() ? 400 : 200, answer(code));
        }
    }

    protected int badRequestCode() {
        return 400;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    protected static boolean within(Instant then, Instant now) {
        return Duration.between(then, now).abs().compareTo(SIGNATURE_WINDOW) <= 0;
    }

    protected static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return params;
    }

    protected static String hmacBase64(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null || n.isNull() ? null : n.asText();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** 企业微信 群机器人: {@code /cgi-bin/webhook/send?key=…}, markdown content ≤ 4,096 bytes. */
    public static final class Wecom extends RobotStub {
        public static final int TOO_LONG = 40058;
        public static final int TOO_FAST = 45009;
        private static final int INVALID_KEY = 93000;

        public Wecom(String key) {
            super(key, null);
        }

        @Override
        public String webhook() {
            return base() + "/cgi-bin/webhook/send?key=" + token;
        }

        @Override
        protected int check(URI uri, JsonNode body, Instant now) {
            if (!uri.getPath().equals("/cgi-bin/webhook/send") || !token.equals(query(uri).get("key"))) {
                return INVALID_KEY;
            }
            String content = text(body, "markdown", "content");
            if (!"markdown".equals(text(body, "msgtype")) || content == null) {
                return badRequestCode();
            }
            return content.getBytes(StandardCharsets.UTF_8).length > 4096 ? TOO_LONG : 0;
        }

        @Override
        protected int badRequestCode() {
            return 40008;
        }

        @Override
        protected Received message(JsonNode body, String raw) {
            return new Received(text(body, "markdown", "content"), null, raw);
        }

        @Override
        protected String answer(int code) {
            String msg = switch (code) {
                case 0 -> "ok";
                case TOO_LONG -> "markdown.content exceed max length 4096, hint: [1700000000_1_x], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=40058";
                case TOO_FAST -> "api freq out of limit, hint: [1700000000_2_x]";
                case INVALID_KEY -> "invalid webhook url, hint: [1700000000_3_x]";
                default -> "error " + code;
            };
            return "{\"errcode\":" + code + ",\"errmsg\":\"" + msg + "\"}";
        }
    }

    /** 钉钉 自定义机器人: {@code /robot/send?access_token=…}, signed with {@code &timestamp=<ms>&sign=…} when a secret is set. */
    public static final class Dingtalk extends RobotStub {
        public static final int TOO_FAST = 130101;
        public static final int SIGNATURE = 310000;
        private static final int TOKEN = 300001;

        public Dingtalk(String accessToken, String secret) {
            super(accessToken, secret);
        }

        @Override
        public String webhook() {
            return base() + "/robot/send?access_token=" + token;
        }

        @Override
        protected int check(URI uri, JsonNode body, Instant now) {
            Map<String, String> q = query(uri);
            if (!uri.getPath().equals("/robot/send") || !token.equals(q.get("access_token"))) {
                return TOKEN;
            }
            if (secret != null) {
                String timestamp = q.get("timestamp");
                String sign = q.get("sign");
                if (timestamp == null || sign == null || !timestamp.matches("\\d{13}")
                        || !within(Instant.ofEpochMilli(Long.parseLong(timestamp)), now)) {
                    return SIGNATURE;
                }
                String expected = hmacBase64(secret.getBytes(StandardCharsets.UTF_8),
                        (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(java.net.URLDecoder.decode(sign, StandardCharsets.UTF_8))) {
                    return SIGNATURE;
                }
            }
            return "markdown".equals(text(body, "msgtype")) && text(body, "markdown", "text") != null
                    && text(body, "markdown", "title") != null ? 0 : badRequestCode();
        }

        @Override
        protected int badRequestCode() {
            return 40035;
        }

        @Override
        protected Received message(JsonNode body, String raw) {
            return new Received(text(body, "markdown", "text"), text(body, "markdown", "title"), raw);
        }

        @Override
        protected String answer(int code) {
            String msg = switch (code) {
                case 0 -> "ok";
                case TOO_FAST -> "send too fast, exceed 20 times per minute";
                case SIGNATURE -> "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]";
                case TOKEN -> "token is not exist";
                default -> "error " + code;
            };
            return "{\"errcode\":" + code + ",\"errmsg\":\"" + msg + "\"}";
        }
    }

    /** 飞书 自定义机器人: {@code /open-apis/bot/v2/hook/<token>}, signed in the body; body ≤ 20 KB. */
    public static final class Feishu extends RobotStub {
        public static final int TOO_MANY = 9499;
        public static final int SIGNATURE = 19021;
        private static final int TOKEN = 19001;

        public Feishu(String hookToken, String secret) {
            super(hookToken, secret);
        }

        @Override
        public String webhook() {
            return base() + "/open-apis/bot/v2/hook/" + token;
        }

        @Override
        protected boolean errorsAreBadRequests() {
            return true;
        }

        @Override
        protected int check(URI uri, JsonNode body, Instant now) {
            if (!uri.getPath().equals("/open-apis/bot/v2/hook/" + token)) {
                return TOKEN;
            }
            if (body.toString().getBytes(StandardCharsets.UTF_8).length > 20 * 1024) {
                return TOO_MANY; // 飞书 answers an oversized body with 9499 Bad Request
            }
            if (secret != null) {
                String timestamp = text(body, "timestamp");
                String sign = text(body, "sign");
                if (timestamp == null || sign == null || !timestamp.matches("\\d{10}")
                        || !within(Instant.ofEpochSecond(Long.parseLong(timestamp)), now)) {
                    return SIGNATURE;
                }
                String expected = hmacBase64((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
                if (!expected.equals(sign)) {
                    return SIGNATURE;
                }
            }
            return markdownOf(body) == null ? TOO_MANY : 0;
        }

        /** The interactive card's markdown element. */
        private static String markdownOf(JsonNode body) {
            if (!"interactive".equals(text(body, "msg_type")) || body.path("card").path("elements").size() != 1) {
                return null;
            }
            JsonNode element = body.path("card").path("elements").get(0);
            return "markdown".equals(text(element, "tag")) ? text(element, "content") : null;
        }

        @Override
        protected Received message(JsonNode body, String raw) {
            return new Received(markdownOf(body), text(body, "card", "header", "title", "content"), raw);
        }

        @Override
        protected String answer(int code) {
            String msg = switch (code) {
                case 0 -> "success";
                case TOO_MANY -> "Bad Request";
                case SIGNATURE -> "sign match fail or timestamp is not within one hour from current time";
                case TOKEN -> "param invalid: incoming webhook access token invalid";
                default -> "error " + code;
            };
            return "{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"data\":{}}";
        }
    }
}
