package cn.lyg.xilian.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser in front of the API function, through HTTP API payload 2.0 events shaped as API Gateway shapes
 * them: lower-case headers, cookies only in {@code cookies}, the raw query string, form bodies base64-encoded.
 * Keeps the cookies the function sets (each {@code cookies} entry of the answer).
 */
final class HttpApiClient {

    record Answer(int status, Map<String, String> headers, List<String> cookies, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private final EmulatedFunction api;
    private final Map<String, String> cookieJar = new LinkedHashMap<>();

    HttpApiClient(EmulatedFunction api) {
        this.api = api;
    }

    Answer get(String pathAndQuery) {
        return call("GET", pathAndQuery, Map.of(), null);
    }

    Answer postForm(String path, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return call("POST", path, Map.of("content-type", "application/x-www-form-urlencoded"), form.toString());
    }

    /** The hidden fields of the page's form (_csrf, idempotencyKey). */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return out;
    }

    Answer call(String method, String pathAndQuery, Map<String, String> headers, String body) {
        String path = pathAndQuery;
        String rawQuery = "";
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            rawQuery = pathAndQuery.substring(q + 1);
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        if (!cookieJar.isEmpty()) {
            ArrayNode cookies = event.putArray("cookies");
            cookieJar.forEach((k, v) -> cookies.add(k + "=" + v));
        }
        ObjectNode h = event.putObject("headers");
        h.put("host", "127.0.0.1");
        h.put("user-agent", "LocalStackTierTest");
        h.put("x-forwarded-proto", "http");
        h.put("accept", "text/html,application/json");
        headers.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
        if (!rawQuery.isEmpty()) {
            ObjectNode qs = event.putObject("queryStringParameters");
            for (String kv : rawQuery.split("&")) {
                String[] p = kv.split("=", 2);
                String name = java.net.URLDecoder.decode(p[0], StandardCharsets.UTF_8);
                String value = p.length > 1 ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
                qs.put(name, qs.has(name) ? qs.get(name).asText() + "," + value : value);
            }
        }
        ObjectNode ctx = event.putObject("requestContext");
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "local");
        ctx.put("domainName", "127.0.0.1");
        ctx.put("domainPrefix", "127");
        ObjectNode http = ctx.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "LocalStackTierTest");
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", "$default");
        ctx.put("stage", "$default");
        ctx.put("time", Instant.now().toString());
        ctx.put("timeEpoch", System.currentTimeMillis());
        if (body != null) {
            event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            event.put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        StreamPoller.Invocation result = api.invoke(event.toString());
        if (result.functionError()) {
            throw new IllegalStateException("API function error: " + result.payload());
        }
        try {
            JsonNode r = JSON.readTree(result.payload());
            Map<String, String> outHeaders = new LinkedHashMap<>();
            r.path("headers").fields().forEachRemaining(e -> outHeaders.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText()));
            List<String> setCookies = new ArrayList<>();
            r.path("cookies").forEach(c -> setCookies.add(c.asText()));
            for (String c : setCookies) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty()) {
                        cookieJar.remove(pair.substring(0, eq));
                    } else {
                        cookieJar.put(pair.substring(0, eq), value);
                    }
                }
            }
            String text = r.path("body").asText("");
            if (r.path("isBase64Encoded").asBoolean(false)) {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            }
            return new Answer(r.path("statusCode").asInt(), outHeaders, setCookies, text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not an HTTP API answer: " + result.payload(), e);
        }
    }
}
