package cn.lyg.xilian.testkit.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one way tests (and the local API Gateway front) make an HTTP API payload format 2.0 event, shaped as
 * API Gateway shapes it (developer guide, "Working with AWS Lambda proxy integrations for HTTP APIs"):
 * <ul>
 *   <li>header names lower-case; a header sent more than once arrives once, its values joined with commas;</li>
 *   <li>no {@code cookie} header: every cookie of every Cookie header is an entry of the top-level {@code cookies};</li>
 *   <li>{@code rawPath} and {@code rawQueryString} exactly as sent; {@code queryStringParameters} decoded, a
 *       repeated parameter's values joined with commas; no multi-value fields (format 2.0 has none);</li>
 *   <li>{@code requestContext.http} filled; UTF-8 text bodies (JSON, text) as text, other bodies (forms, files)
 *       base64.</li>
 * </ul>
 */
public final class HttpApiEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private byte[] body;
    private String domainName = "abc123def4.execute-api.cn-north-1.amazonaws.com.cn";
    private String sourceIp = "203.0.113.7";
    private String protocol = "HTTP/1.1";
    private Instant time = Instant.now();

    private HttpApiEvent(String method, String target) {
        this.method = method.toUpperCase(Locale.ROOT);
        int q = target.indexOf('?');
        this.rawPath = q < 0 ? target : target.substring(0, q);
        this.rawQuery = q < 0 ? "" : target.substring(q + 1);
    }

    /** A request for {@code target}: the path and, after {@code ?}, the raw (still encoded) query string. */
    public static HttpApiEvent request(String method, String target) {
        return new HttpApiEvent(method, target);
    }

    public static HttpApiEvent get(String target) {
        return request("GET", target);
    }

    public static HttpApiEvent post(String target) {
        return request("POST", target);
    }

    /** A request header as the client sent it; sending a name again adds a value, as a repeated header does. */
    public HttpApiEvent header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("cookie")) {
            return cookieHeader(value);
        }
        headers.computeIfAbsent(lower, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** A whole {@code Cookie} header as a browser sends it ({@code a=1; b=2}): it becomes entries of {@code cookies}. */
    public HttpApiEvent cookieHeader(String cookieHeader) {
        for (String part : cookieHeader.split(";")) {
            String c = part.strip();
            if (!c.isEmpty()) {
                cookies.add(c);
            }
        }
        return this;
    }

    public HttpApiEvent cookie(String name, String value) {
        cookies.add(name + "=" + value);
        return this;
    }

    public HttpApiEvent body(String contentType, byte[] bytes) {
        header("content-type", contentType);
        this.body = bytes.clone();
        return this;
    }

    /** A url-encoded form post, as a browser submits it (API Gateway passes it on base64-encoded). */
    public HttpApiEvent form(String urlEncoded) {
        return body("application/x-www-form-urlencoded", urlEncoded.getBytes(StandardCharsets.UTF_8));
    }

    public HttpApiEvent json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpApiEvent domainName(String domainName) {
        this.domainName = domainName;
        return this;
    }

    public HttpApiEvent sourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
        return this;
    }

    public HttpApiEvent protocol(String protocol) {
        this.protocol = protocol;
        return this;
    }

    public HttpApiEvent time(Instant time) {
        this.time = time;
        return this;
    }

    /** The event's JSON, as the Lambda service hands it to the runtime. */
    public String toJson() {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", "$default");
        e.put("rawPath", rawPath);
        e.put("rawQueryString", rawQuery);
        if (!cookies.isEmpty()) {
            ArrayNode c = e.putArray("cookies");
            cookies.forEach(c::add);
        }
        ObjectNode h = e.putObject("headers");
        Map<String, List<String>> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("host", List.of(domainName));
        all.putIfAbsent("x-forwarded-proto", List.of("https"));
        all.putIfAbsent("x-forwarded-port", List.of("443"));
        all.putIfAbsent("x-forwarded-for", List.of(sourceIp));
        if (body != null) {
            all.putIfAbsent("content-length", List.of(Integer.toString(body.length)));
        }
        all.forEach((name, values) -> h.put(name, String.join(",", values)));
        Map<String, List<String>> query = decodeQuery(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach((name, values) -> q.put(name, String.join(",", values)));
        }
        ObjectNode rc = e.putObject("requestContext");
        rc.put("accountId", "123456789012");
        rc.put("apiId", domainName.split("\\.")[0]);
        rc.put("domainName", domainName);
        rc.put("domainPrefix", domainName.split("\\.")[0]);
        ObjectNode http = rc.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", protocol);
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.containsKey("user-agent") ? String.join(",", headers.get("user-agent")) : "");
        rc.put("requestId", UUID.randomUUID().toString().substring(0, 16));
        rc.put("routeKey", "$default");
        rc.put("stage", "$default");
        rc.put("time", REQUEST_TIME.format(time));
        rc.put("timeEpoch", time.toEpochMilli());
        if (body != null) {
            boolean text = isText(contentType()) && isUtf8(body);
            e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            e.put("isBase64Encoded", !text);
        } else {
            e.put("isBase64Encoded", false);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String contentType() {
        List<String> ct = headers.get("content-type");
        return ct == null ? "" : ct.get(0).toLowerCase(Locale.ROOT);
    }

    /** Bodies API Gateway passes as text; everything else (forms included) arrives base64-encoded. */
    private static boolean isText(String contentType) {
        return contentType.startsWith("text/") || contentType.startsWith("application/json")
                || contentType.startsWith("application/xml") || contentType.startsWith("application/javascript");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The decoded query parameters, in order; a name given more than once keeps every value. */
    public static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
