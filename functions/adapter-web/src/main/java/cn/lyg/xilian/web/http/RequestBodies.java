package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.WebSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import cn.lyg.xilian.core.progress.FieldError;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads request bodies from the raw bytes, the same way on Netty and behind the Lambda API proxy: the proxy's
 * own form binding has known gaps (micronaut-aws #2345, #966), and lenient decoding would silently turn
 * invalid UTF-8 into U+FFFD and store it.
 */
@Singleton
public class RequestBodies {

    private final WebSettings settings;
    private final JsonMapper json;

    public RequestBodies(WebSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** The body as bytes, refusing more than the limit by the declared length and by the bytes actually read. */
    public byte[] bytes(HttpRequest<?> request) {
        return bytes(request, settings.getMaxBodyBytes());
    }

    /** The body with a limit of its own, in memory (small bodies only: forms and JSON). */
    public byte[] bytes(HttpRequest<?> request, int max) {
        try (InputStream in = stream(request, max)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BODY_UNREADABLE", "无法读取请求内容");
        }
    }

    /**
     * The body as a stream as it arrives (uploads: never held in memory whole), refusing more than {@code max}
     * bytes by the declared length at once and by the bytes actually read. The body is claimed, not split: a split
     * copy advances only as fast as the unread original, and Netty then stops reading after its first buffers
     * (uploads of ~100 KB used to hang so).
     */
    public InputStream stream(HttpRequest<?> request, long max) {
        long declared = request.getContentLength();
        if (declared > max) {
            throw tooLarge(max);
        }
        HttpRequest<?> unwrapped = request;
        // The Lambda proxy hands controllers a wrapper (ServletRequestAndBody) around its ServerHttpRequest.
        while (unwrapped instanceof HttpRequestWrapper<?> wrapper && !(unwrapped instanceof ServerHttpRequest<?>)) {
            unwrapped = wrapper.getDelegate();
        }
        if (!(unwrapped instanceof ServerHttpRequest<?> server)) {
            throw new IllegalStateException("not a server request: " + request.getClass());
        }
        return new LimitedStream(server.byteBody().toInputStream(), max);
    }

    /** Fails the read that would pass the limit (413), whatever the declared length said. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private final long max;
        private long read;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw tooLarge(max);
                }
            }
        }
    }

    public void requireContentType(HttpRequest<?> request, MediaType expected) {
        MediaType actual = request.getContentType().orElse(null);
        if (actual == null || !actual.matches(expected)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "请求内容类型须为 " + expected.getName());
        }
        String charset = actual.getParameters().get("charset").orElse("utf-8");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "请求内容须使用 UTF-8 编码");
        }
    }

    public static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalidUtf8();
        }
    }

    /** A urlencoded form as name → values, in order. Percent-escapes must decode to valid UTF-8 too. */
    public Map<String, List<String>> form(HttpRequest<?> request) {
        requireContentType(request, MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        return parseForm(strictUtf8(bytes(request)));
    }

    public static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw malformedForm();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformedForm();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                // Already valid text (the whole body was strictly decoded): re-encode to join with escapes.
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(b);
            }
        }
        return strictUtf8(bytes.toByteArray());
    }

    /**
     * A JSON object from the body, strictly: anything but one object is MALFORMED_JSON, a key twice in one
     * object is DUPLICATE_KEY (never "the last one wins"), a top-level field outside {@code fields} is
     * UNKNOWN_FIELD (all 400).
     */
    public JsonNode jsonObject(HttpRequest<?> request, Set<String> fields) {
        JsonNode node = jsonObject(request);
        List<FieldError> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            if (!fields.contains(e.getKey())) {
                unknown.add(new FieldError(e.getKey(), "UNKNOWN_FIELD", "未知字段 " + e.getKey() + "；允许的字段：" + fields));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", unknown.get(0).message(), unknown);
        }
        return node;
    }

    /** A form field's first value (forms as {@link #form} reads them), or null. */
    @Nullable
    public static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A text field of a JSON object: null when absent or null; 422 FIELD_NOT_A_VALUE when not a string. */
    @Nullable
    public static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 " + field + " 须为文本");
        }
        return node.getStringValue();
    }

    /** A JSON object from the body (no duplicate keys); anything else is MALFORMED_JSON. */
    public JsonNode jsonObject(HttpRequest<?> request) {
        requireContentType(request, MediaType.APPLICATION_JSON_TYPE);
        byte[] body = bytes(request);
        strictUtf8(body);
        rejectDuplicateKeys(body);
        JsonNode node;
        try {
            node = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw malformedJson();
        }
        if (node == null || !node.isObject()) {
            throw malformedJson();
        }
        return node;
    }

    /** The tree mapper keeps the last of duplicate keys silently; a streaming pass with strict detection does not. */
    private static void rejectDuplicateKeys(byte[] body) {
        try (JsonParser parser = DUPLICATE_CHECK.createParser(body)) {
            while (parser.nextToken() != null) {
                // reading is the check
            }
        } catch (JsonParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "DUPLICATE_KEY", "JSON 中同一字段出现了多次，请只保留一个");
            }
            throw malformedJson();
        } catch (IOException e) {
            throw malformedJson();
        }
    }

    private static final JsonFactory DUPLICATE_CHECK = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static ApiException malformedJson() {
        return new ApiException(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "请求内容不是有效的 JSON 对象");
    }

    private static ApiException malformedForm() {
        return new ApiException(HttpStatus.BAD_REQUEST, "MALFORMED_FORM", "表单编码不正确");
    }

    private static ApiException invalidUtf8() {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_UTF8", "请求内容不是有效的 UTF-8 文本");
    }

    public static ApiException tooLarge(long max) {
        return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", "请求内容超过 "
                + (max >= 1024 * 1024 ? (max / (1024 * 1024)) + " MB" : (max / 1024) + " KB") + " 上限");
    }
}
