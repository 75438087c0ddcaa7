package cn.lyg.xilian.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JSON API's OpenAPI document (issue 21) against the API as a runtime serves it, written once against HTTP; each
 * runtime supplies {@link #send} and its router's {@link #routes}: Netty on a socket (adapter-web) and the API
 * function's handler with API Gateway payload 2.0 events (functions/api). It checks that the document is the one the
 * build wrote, served at {@code /api/openapi.yml}; that it has exactly the runtime's {@code /api/v1} routes; and that
 * every operation it lists answers — without a credential 401, with a unit's and a coordinator's credential (path
 * parameters and headers from the document's own examples, a JSON body {@code {}}) a status the operation documents,
 * with an error code its description of that status names, or a body whose fields the documented schema has. An
 * address the router does not know (404 NOT_FOUND) or a method it does not take (405) is never an answer of an
 * operation. Plan 2026: 东海县 (donghai) is responsible for task 2.8.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiDocumentContract {

    /** Where the build writes the document (adapter-web's openapi.properties) and where the API serves it. */
    public static final String RESOURCE = "META-INF/swagger/xilian-api.yml";
    public static final String SERVED_AT = "/api/openapi.yml";
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response; the content type as sent, null when none. */
    public record Reply(int status, String contentType, String body) {
    }

    /** One documented operation: method and path as the document writes them, and its object. */
    public record Operation(String method, String path, Map<String, Object> spec) {
        public String key() {
            return method + " " + path;
        }
    }

    /** One request through the runtime under test. Header names as given; body null for none. */
    protected abstract Reply send(String method, String path, Map<String, String> headers, String body);

    /** Every route of the runtime's router, as {@code "GET /api/v1/tasks/{id}"}. */
    protected abstract Set<String> routes();

    /** A new sign-in token: role "UNIT" (with unitId) or "COORDINATOR". */
    protected abstract String issue(String role, String unitId);

    private String document;
    private Map<String, Object> spec;

    @BeforeAll
    void readTheBuiltDocument() {
        try (InputStream in = ApiDocumentContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " on the class path (the build writes it)");
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec = parse(document);
    }

    /** The document as a tree (SafeConstructor: plain maps, lists and scalars). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    /** Every operation of the document. */
    @SuppressWarnings("unchecked")
    public static List<Operation> operations(Map<String, Object> spec) {
        List<Operation> out = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                if (op.getValue() instanceof Map<?, ?> m && m.containsKey("responses")) {
                    out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            (Map<String, Object>) m));
                }
            }
        }
        return out;
    }

    /** The error codes an operation's answer of {@code status} names (its description, {@code `CODE`}). */
    @SuppressWarnings("unchecked")
    public static Set<String> codes(Operation op, String status) {
        Map<String, Object> response = (Map<String, Object>) ((Map<String, Object>) op.spec().get("responses"))
                .get(status);
        Set<String> codes = new LinkedHashSet<>();
        if (response != null) {
            Matcher m = CODE.matcher(String.valueOf(response.get("description")));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    @Test
    void theDocumentIsServedAsTheBuildWroteIt() {
        Reply r = send("GET", SERVED_AT, Map.of(), null);
        assertEquals(200, r.status(), r.body());
        assertNotNull(r.contentType());
        assertTrue(r.contentType().startsWith("application/yaml"), r.contentType());
        assertEquals(document, r.body(), "the served document is the class path's, byte for byte (UTF-8)");
        assertEquals("3.1.0", spec.get("openapi"));
        assertTrue(r.body().contains("幂等键（Idempotency-Key）"), "Chinese text survives the runtime");
    }

    @Test
    void theDocumentHasExactlyTheJsonApisRoutes() {
        Set<String> served = new TreeSet<>();
        for (String route : routes()) {
            // HEAD is the router's own for every GET route, not an operation of the API
            if (route.substring(route.indexOf(' ') + 1).startsWith("/api/v1/") && !route.startsWith("HEAD ")) {
                served.add(route);
            }
        }
        Set<String> documented = new TreeSet<>();
        operations(spec).forEach(op -> documented.add(op.key()));
        assertTrue(served.size() >= 12, "the JSON API's routes: " + served);
        assertEquals(served, documented, "routes under /api/v1 (router) and operations (document)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDescribedInChineseWithItsErrors() {
        for (Operation op : operations(spec)) {
            Map<String, Object> o = op.spec();
            for (String field : List.of("summary", "description")) {
                assertTrue(o.get(field) instanceof String s && CJK.matcher(s).find(), op.key() + " " + field);
            }
            assertNotNull(o.get("operationId"), op.key());
            assertTrue(o.get("tags") instanceof List<?> tags && !tags.isEmpty(), op.key() + " tags");
            Map<String, Object> responses = (Map<String, Object>) o.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(s -> s.startsWith("2")), op.key() + " success");
            for (String status : List.of("401", "500", "503")) {
                assertFalse(codes(op, status).isEmpty(), op.key() + " documents " + status + " with its codes");
            }
            for (Map.Entry<String, Object> r : responses.entrySet()) {
                Map<String, Object> response = (Map<String, Object>) r.getValue();
                assertTrue(response.get("description") instanceof String s && CJK.matcher(s).find(),
                        op.key() + " " + r.getKey());
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    assertFalse(codes(op, r.getKey()).isEmpty(), op.key() + " " + r.getKey() + " names its codes");
                }
            }
        }
    }

    @Test
    void everyDocumentedOperationAnswersWithoutACredential() {
        for (Operation op : operations(spec)) {
            Reply r = call(op, null);
            assertEquals(401, r.status(), op.key() + ": " + r.body());
            assertTrue(codes(op, "401").contains(code(r)), op.key() + ": " + r.body());
        }
    }

    @Test
    void everyDocumentedOperationAnswersWhatItDocuments() {
        String unit = issue("UNIT", "donghai");
        String coordinator = issue("COORDINATOR", null);
        int answered = 0;
        for (Operation op : operations(spec)) {
            for (String token : List.of(unit, coordinator)) {
                Reply r = call(op, token);
                String where = op.key() + " answered " + r.status() + ": " + r.body();
                String status = String.valueOf(r.status());
                assertTrue(responses(op).containsKey(status), where + " (not a documented status)");
                if (r.status() >= 400) {
                    String code = code(r);
                    assertFalse(Set.of("NOT_FOUND", "METHOD_NOT_ALLOWED").contains(code), where);
                    assertTrue(codes(op, status).contains(code), where + " (code not named for " + status + ")");
                } else {
                    assertFieldsDocumented(op, status, r, where);
                    answered++;
                }
            }
        }
        assertTrue(answered >= 4, "reads answered with their data: " + answered);
    }

    /** The operation, with {@code token} (or none): the document's examples, a JSON body {@code {}}. */
    @SuppressWarnings("unchecked")
    private Reply call(Operation op, String token) {
        String path = op.path();
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        for (Object p : (List<Object>) op.spec().getOrDefault("parameters", List.of())) {
            Map<String, Object> param = (Map<String, Object>) p;
            Object example = param.get("example");
            String in = (String) param.get("in");
            if (in.equals("path")) {
                assertNotNull(example, op.key() + " path parameter " + param.get("name") + " has an example");
                path = path.replace("{" + param.get("name") + "}", String.valueOf(example));
            } else if (in.equals("header") && Boolean.TRUE.equals(param.get("required"))) {
                headers.put((String) param.get("name"), String.valueOf(example));
            } else if (in.equals("query") && example != null) {
                query.append(query.isEmpty() ? "?" : "&").append(param.get("name")).append('=').append(example);
            }
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        String body = null;
        Map<String, Object> requestBody = (Map<String, Object>) op.spec().get("requestBody");
        if (requestBody != null) {
            String type = ((Map<String, Object>) requestBody.get("content")).keySet().iterator().next();
            headers.put("Content-Type", type.equals("multipart/form-data") ? type + "; boundary=x" : type);
            body = type.equals("application/json") ? "{}" : "--x--\r\n";
        }
        return send(op.method(), path + query, headers, body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(Operation op) {
        return (Map<String, Object>) op.spec().get("responses");
    }

    private static String code(Reply r) {
        try {
            JsonNode code = JSON.readTree(r.body()).get("code");
            return code == null ? null : code.asText();
        } catch (IOException e) {
            return fail("not our JSON error shape: " + r.body());
        }
    }

    /** The answer's top-level fields (of its first item, for a list) are properties of the documented schema. */
    @SuppressWarnings("unchecked")
    private void assertFieldsDocumented(Operation op, String status, Reply r, String where) {
        Map<String, Object> response = (Map<String, Object>) responses(op).get(status);
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        assertNotNull(content, where);
        Map<String, Object> schema = resolve((Map<String, Object>) ((Map<String, Object>) content
                .get("application/json")).get("schema"));
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(where, e);
        }
        if (body.isArray()) {
            assertTrue(body.size() > 0, where + " (an empty list shows nothing)");
            body = body.get(0);
            schema = resolve((Map<String, Object>) schema.get("items"));
        }
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertNotNull(properties, where + " (no properties documented)");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(properties.containsKey(name), where + " (field " + name + " not documented)");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring("#/components/schemas/".length());
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components"))
                .get("schemas")).get(name);
    }
}
