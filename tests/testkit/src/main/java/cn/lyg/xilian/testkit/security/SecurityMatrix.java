package cn.lyg.xilian.testkit.security;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standing security suite of issue 12 (what the penetration test found to hold, kept as tests):
 * authorization (unit vs unit, unit vs coordinator, the 市发改委 unit vs the coordinators), CSRF, escaping and
 * headers, body limits and strict input, sessions. Written once against HTTP; each runtime supplies
 * {@link #send}: Netty on a socket (adapter-web) and the API function's handler with API Gateway payload 2.0
 * events (functions/api). Plan 2026: 东海县 (donghai) reports on 2.8 and 1.1, not on 2.2; 市发改委 (city-ndrc)
 * is a responsible unit on 1.1, not a coordinator.
 */
public abstract class SecurityMatrix {

    /** A response; header names in lower case. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One request through the runtime under test. Header names as given; body null for none. */
    protected abstract Reply send(String method, String pathAndQuery, Map<String, String> headers, String body);

    /** A new sign-in token: role "UNIT" (with unitId) or "COORDINATOR". */
    protected abstract String issue(String role, String unitId);

    /** The origin a browser on our own pages sends (scheme://host). */
    protected abstract String origin();

    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    protected static Map<String, String> inputs(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return out;
    }

    protected static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    protected Reply get(String path, String cookie) {
        return send("GET", path, cookie == null ? Map.of() : Map.of("Cookie", cookie), null);
    }

    protected Reply bearer(String method, String path, String token, String json) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + token);
        if (json != null) {
            h.put("Content-Type", "application/json");
            h.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        return send(method, path, h, json);
    }

    protected Reply postForm(String path, String cookie, Map<String, String> fields) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/x-www-form-urlencoded");
        h.put("Origin", origin());
        h.put("Sec-Fetch-Site", "same-origin");
        if (cookie != null) {
            h.put("Cookie", cookie);
        }
        return send("POST", path, h, form(fields));
    }

    /** Through the confirmation page, as a browser; returns the cookie as name=value. */
    protected String signIn(String token) {
        Reply confirm = get("/login?token=" + token, null);
        assertEquals(200, confirm.status(), confirm.body());
        assertNull(confirm.header("set-cookie"), "the sign-in link alone sets no cookie");
        Reply r = postForm("/login", null, inputs(confirm.body()));
        assertEquals(303, r.status(), r.body());
        String setCookie = r.header("set-cookie");
        assertNotNull(setCookie);
        String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("httponly") && lower.contains("samesite=lax") && lower.contains("path=/"), setCookie);
        assertFalse(setCookie.contains(token), "the cookie is not the token");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String body(String progress) {
        return "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"" + progress + "\"}";
    }

    @Test
    void aUnitSeesAndReportsOnlyItsOwnTasks() {
        String token = issue("UNIT", "donghai");
        String cookie = signIn(token);
        assertEquals(200, get("/tasks/2.8", cookie).status());
        assertEquals(403, get("/tasks/2.2", cookie).status());
        assertEquals(403, get("/coordinator", cookie).status());
        assertEquals(403, get("/board?unit=ganyu", cookie).status());
        assertEquals(200, bearer("GET", "/api/v1/tasks/2.8", token, null).status());
        assertEquals(403, bearer("GET", "/api/v1/tasks/2.2", token, null).status());
        assertEquals(403, bearer("GET", "/api/v1/tasks?unit=ganyu", token, null).status());
        Reply other = bearer("POST", "/api/v1/tasks/2.2/progress", token, body("越权"));
        assertEquals(403, other.status());
        assertTrue(other.body().contains("NOT_RESPONSIBLE"), other.body());
        String tasks = bearer("GET", "/api/v1/tasks", token, null).body();
        assertTrue(tasks.contains("\"id\":\"2.8\"") && !tasks.contains("\"id\":\"2.2\""), "own tasks only");
    }

    @Test
    void coordinatorsSeeEverythingButReportNothing() {
        String token = issue("COORDINATOR", null);
        String cookie = signIn(token);
        assertEquals(200, get("/coordinator", cookie).status());
        assertEquals(200, get("/tasks/2.2", cookie).status());
        assertEquals(200, bearer("GET", "/api/v1/tasks?unit=ganyu", token, null).status());
        assertEquals(403, bearer("POST", "/api/v1/tasks/2.8/progress", token, body("代报")).status());
    }

    @Test
    void theCityNdrcUnitIsAUnitNotACoordinator() {
        String token = issue("UNIT", "city-ndrc");
        String cookie = signIn(token);
        assertEquals(200, get("/tasks/1.1", cookie).status());
        assertEquals(403, get("/tasks/2.8", cookie).status());
        assertEquals(403, get("/coordinator", cookie).status());
        assertEquals(403, bearer("GET", "/api/v1/tasks?unit=donghai", token, null).status());
    }

    @Test
    void theFormNeedsItsSessionsCsrfToken() {
        String token = issue("UNIT", "donghai");
        String cookie = signIn(token);
        Map<String, String> fields = new LinkedHashMap<>(inputs(get("/tasks/2.8", cookie).body()));
        fields.put("status", "IN_PROGRESS");
        fields.put("percent", "10");
        fields.put("progress", "无令牌");
        Map<String, String> missing = new LinkedHashMap<>(fields);
        missing.remove("_csrf");
        assertEquals(403, postForm("/tasks/2.8", cookie, missing).status());
        Map<String, String> foreign = new LinkedHashMap<>(fields);
        foreign.put("_csrf", inputs(get("/tasks/2.8", signIn(token)).body()).get("_csrf")); // another session's
        assertEquals(403, postForm("/tasks/2.8", cookie, foreign).status());
        assertEquals(303, postForm("/tasks/2.8", cookie, fields).status());
    }

    @Test
    void everythingTypedIsEscapedAndPagesAllowNoScript() {
        String token = issue("UNIT", "donghai");
        Reply stored = bearer("POST", "/api/v1/tasks/1.1/progress", token, body("<script>alert(1)</script>&\\\"x\\\""));
        assertEquals(201, stored.status(), stored.body());
        Reply page = get("/tasks/1.1", signIn(token));
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"), "escaped");
        assertFalse(page.body().contains("<script>"), "no markup from input");
        assertTrue(page.header("content-security-policy").startsWith("default-src 'none'"));
        assertEquals("nosniff", page.header("x-content-type-options"));
        assertEquals("DENY", page.header("x-frame-options"));
        Reply cors = send("GET", "/api/v1/tasks", Map.of("Authorization", "Bearer " + token,
                "Origin", "https://evil.example"), null);
        assertNull(cors.header("access-control-allow-origin"), "no CORS");
    }

    @Test
    void bodiesAreLimitedAndStrict() {
        String token = issue("UNIT", "donghai");
        assertEquals(413, bearer("POST", "/api/v1/tasks/2.8/progress", token, body("长".repeat(30_000))).status());
        Reply duplicate = bearer("POST", "/api/v1/tasks/2.8/progress", token,
                "{\"status\":\"推进中\",\"percent\":10,\"percent\":99,\"progress\":\"x\"}");
        assertEquals(400, duplicate.status());
        assertTrue(duplicate.body().contains("DUPLICATE_KEY"), duplicate.body());
        Reply unknown = bearer("POST", "/api/v1/tasks/2.8/progress", token,
                "{\"status\":\"推进中\",\"percent\":10,\"progress\":\"x\",\"unitId\":\"ganyu\"}");
        assertEquals(400, unknown.status());
        Reply deep = bearer("POST", "/api/v1/tasks/2.8/progress", token,
                "{\"figures\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertEquals(400, deep.status());
        Reply key = bearer("GET", "/api/v1/tasks/2.8%23x", token, null);
        assertTrue(key.status() == 404 || key.status() == 400, "key injection: " + key.status());
    }

    @Test
    void aSessionEndsAtSignOutAndIsNeverABearerToken() {
        String cookie = signIn(issue("UNIT", "donghai"));
        String sessionId = cookie.substring(cookie.indexOf('=') + 1);
        assertEquals(401, bearer("GET", "/api/v1/tasks", sessionId, null).status());
        String csrf = inputs(get("/", cookie).body()).get("_csrf");
        assertEquals(303, postForm("/logout", cookie, Map.of("_csrf", csrf)).status());
        assertEquals(401, get("/", cookie).status());
    }

    @Test
    void aCrossSiteSignInChangesNoSession() {
        String donghai = signIn(issue("UNIT", "donghai"));
        String other = issue("UNIT", "guannan");
        Reply link = get("/login?token=" + other, null);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/x-www-form-urlencoded");
        h.put("Cookie", donghai);
        h.put("Origin", "https://evil.example");
        h.put("Sec-Fetch-Site", "cross-site");
        Reply crossSite = send("POST", "/login", h, form(inputs(link.body())));
        assertEquals(403, crossSite.status());
        assertNull(crossSite.header("set-cookie"));
        assertTrue(get("/", donghai).body().contains("东海县"), "still 东海县");
    }
}
