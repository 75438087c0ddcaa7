package cn.lyg.xilian.testkit.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A function's payload 2.0 answer read the way API Gateway reads it: {@code statusCode}, {@code headers}, each
 * {@code cookies} entry as its own {@code set-cookie}, and the body base64-decoded when {@code isBase64Encoded}.
 * {@code multiValueHeaders} is ignored, as API Gateway ignores it for format 2.0.
 */
public record HttpApiResponse(int status, Map<String, String> headers, List<String> cookies, byte[] body,
                              boolean base64, boolean hadMultiValueHeaders) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static HttpApiResponse parse(String json) {
        try {
            JsonNode r = JSON.readTree(json);
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode h = r.path("headers");
            h.fieldNames().forEachRemaining(n -> headers.put(n.toLowerCase(Locale.ROOT), h.get(n).asText()));
            List<String> cookies = new ArrayList<>();
            r.path("cookies").forEach(c -> cookies.add(c.asText()));
            boolean base64 = r.path("isBase64Encoded").asBoolean(false);
            String text = r.path("body").isNull() || r.path("body").isMissingNode() ? "" : r.path("body").asText();
            // API Gateway's decoder tolerates MIME line breaks; so do we, but a test can see them in base64().
            byte[] body = base64 ? Base64.getMimeDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
            JsonNode multi = r.path("multiValueHeaders");
            boolean hadMulti = multi.isObject() && multi.size() > 0;
            // An integration answer without statusCode is a 200 with the JSON as body (format 2.0 inference);
            // our function always sets it.
            int status = r.path("statusCode").asInt(200);
            return new HttpApiResponse(status, Collections.unmodifiableMap(headers), List.copyOf(cookies), body, base64,
                    hadMulti);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a payload 2.0 response: " + json, e);
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every {@code set-cookie} the client receives: one per {@code cookies} entry, plus a header of that name. */
    public List<String> setCookies() {
        List<String> all = new ArrayList<>(cookies);
        header("set-cookie").ifPresent(all::add);
        return all;
    }

    /** The value the client keeps for cookie {@code name} from this response, if it set one. */
    public Optional<String> cookieValue(String name) {
        for (String c : setCookies()) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                return Optional.of(pair.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
