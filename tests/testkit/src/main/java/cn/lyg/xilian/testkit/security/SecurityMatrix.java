package cn.lyg.xilian.testkit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>Each runtime starts with {@code xilian.web.submissions-per-minute} = {@link #SUBMISSIONS_PER_MINUTE} (the limit
 * is per credential and every test issues its own).
 */
public abstract class SecurityMatrix {

    public static final int SUBMISSIONS_PER_MINUTE = 10;
    /** A status no code writes: a stored report with it is one the code cannot read (a defect's stand-in). */
    public static final String CORRUPT_STATUS = "CORRUPT_7f3a";
    /** Marks of the framework's or the JVM's own text in an answer. */
    private static final List<String> INTERNAL_TEXT = List.of(CORRUPT_STATUS, "No enum constant", "Unable to convert",
            "EpochDay", "Exception", "_links", "_embedded", "Internal Server Error", "Failed to convert", "Page Not Found",
            "Not Found", "Bad Request", "Method [", "\tat ", "java.", "cn.lyg");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Rewrites the stored status of one history item to {@link #CORRUPT_STATUS}, straight in the table. */
    protected abstract void corruptStoredStatus(String taskId, String unitId, String idempotencyKey);

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
        assertEquals(403, get("/inbox", cookie).status());
        assertEquals(403, bearer("GET", "/api/v1/inbox", token, null).status());
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
        assertEquals(200, get("/inbox", cookie).status());
        assertEquals(200, bearer("GET", "/api/v1/inbox?kind=REVIEW", token, null).status());
        assertEquals(400, bearer("GET", "/api/v1/inbox?kind=review", token, null).status());
        assertEquals(200, get("/tasks/2.2", cookie).status());
        assertEquals(200, bearer("GET", "/api/v1/tasks?unit=ganyu", token, null).status());
        assertEquals(403, bearer("POST", "/api/v1/tasks/2.8/progress", token, body("代报")).status());
    }

    /**
     * 单位与账号管理, 操作留痕 (issue 23) and 群机器人 (issue 26): refused to units (403) and to no session (401), pages,
     * forms and API.
     */
    @Test
    void administrationIsForCoordinatorsOnly() {
        String token = issue("UNIT", "donghai");
        String cookie = signIn(token);
        String csrf = inputs(get("/tasks/2.8", cookie).body()).get("_csrf");
        for (String page : List.of("/admin/units", "/admin/units/new", "/admin/units/guanyun", "/admin/coordinators",
                "/admin/audit", "/admin/audit.xlsx", "/admin/robots", "/admin/robots/coordinators",
                "/admin/robots/unit:guanyun")) {
            assertEquals(403, get(page, cookie).status(), page);
            assertEquals(401, get(page, null).status(), page);
        }
        Map<String, String> edit = new LinkedHashMap<>(Map.of("_csrf", csrf, "key", "matrix-key-0001",
                "version", "0", "contacts", "thief@evil.example", "id", "evil", "name", "恶意单位",
                "kind", "COUNTY", "email", "thief@evil.example", "vendor", "WECOM",
                "webhookUrl", "https://evil.example/cgi-bin/webhook/send?key=thief"));
        for (String form : List.of("/admin/units", "/admin/units/guanyun", "/admin/units/guanyun/active",
                "/admin/units/guanyun/link-emails", "/admin/units/guanyun/links", "/admin/units/guanyun/links/rotate",
                "/admin/units/guanyun/links/revoke", "/admin/coordinators", "/admin/robots/coordinators",
                "/admin/robots/unit:guanyun", "/admin/robots/coordinators/remove")) {
            assertEquals(403, postForm(form, cookie, edit).status(), form);
            int anonymous = postForm(form, null, edit).status();
            assertTrue(anonymous == 401 || anonymous == 403, form + " without a session: " + anonymous);
        }
        String robot = "{\"vendor\":\"WECOM\",\"webhookUrl\":\"https://evil.example/send?key=thief\",\"version\":0}";
        String unit = "{\"id\":\"evil\",\"name\":\"恶意单位\",\"kind\":\"COUNTY\",\"contacts\":[\"thief@evil.example\"]}";
        for (String[] call : new String[][]{{"GET", "/api/v1/admin/units", null}, {"GET", "/api/v1/admin/units/guanyun", null},
                {"POST", "/api/v1/admin/units", unit}, {"PUT", "/api/v1/admin/units/guanyun", unit},
                {"POST", "/api/v1/admin/units/guanyun/links", "{}"}, {"POST", "/api/v1/admin/units/guanyun/links/rotate", "{}"},
                {"POST", "/api/v1/admin/units/guanyun/link-emails", "{}"}, {"DELETE", "/api/v1/admin/links/" + "a".repeat(64), null},
                {"GET", "/api/v1/admin/coordinators", null}, {"GET", "/api/v1/admin/audit", null},
                {"GET", "/api/v1/admin/robots", null}, {"GET", "/api/v1/admin/robots/coordinators", null},
                {"PUT", "/api/v1/admin/robots/coordinators", robot}, {"PUT", "/api/v1/admin/robots/unit:guanyun", robot},
                {"DELETE", "/api/v1/admin/robots/coordinators?version=1", null}}) {
            assertEquals(403, bearer(call[0], call[1], token, call[2]).status(), call[0] + " " + call[1]);
            assertEquals(401, send(call[0], call[1], call[2] == null ? Map.of()
                    : Map.of("Content-Type", "application/json", "Idempotency-Key", "matrix-key-0002"), call[2]).status(),
                    call[0] + " " + call[1]);
        }
        String coordinator = issue("COORDINATOR", null);
        Reply list = get("/admin/units", signIn(coordinator));
        assertEquals(200, list.status());
        assertFalse(list.body().contains("thief@evil.example"), "nothing a unit sent was stored");
        assertFalse(bearer("GET", "/api/v1/admin/units", coordinator, null).body().contains("evil"));
        assertFalse(bearer("GET", "/api/v1/admin/robots", coordinator, null).body().contains("evil"),
                "no robot a unit sent was stored");
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

    // --- issue 19, the low findings ---

    /** An answer in our error shape: status, code, Chinese message, the right format, no internal text, headers. */
    private static void assertRefused(Reply r, int status, String code, boolean html) {
        assertEquals(status, r.status(), r.body());
        for (String internal : INTERNAL_TEXT) {
            assertFalse(r.body().contains(internal), "internal text \"" + internal + "\" in: " + r.body());
        }
        String type = String.valueOf(r.header("content-type"));
        if (html) {
            assertTrue(type.startsWith("text/html"), type);
            assertTrue(r.body().contains("data-code=\"" + code + "\""), r.body());
        } else {
            assertTrue(type.startsWith("application/json"), type);
            JsonNode body = json(r);
            assertEquals(code, body.path("code").asText(), r.body());
            assertTrue(body.path("message").asText().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), r.body());
        }
        assertSecurityHeaders(r);
    }

    private static void assertSecurityHeaders(Reply r) {
        assertEquals("nosniff", r.header("x-content-type-options"), r.status() + " " + r.headers());
        assertEquals("DENY", r.header("x-frame-options"), r.status() + " " + r.headers());
        assertEquals("same-origin", r.header("referrer-policy"), r.status() + " " + r.headers());
        assertEquals("no-store", r.header("cache-control"), r.status() + " " + r.headers());
        assertNotNull(r.header("content-security-policy"), r.status() + " " + r.headers());
        assertTrue(r.header("content-security-policy").startsWith("default-src 'none'"), r.header("content-security-policy"));
    }

    private static JsonNode json(Reply r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.status() + " " + r.body(), e);
        }
    }

    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private Reply keyed(String method, String path, String token, String key, String json) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + token);
        h.put("Content-Type", "application/json");
        h.put("Idempotency-Key", key);
        return send(method, path, h, json);
    }

    /** Issue 19: an extreme date in a cursor was a 500 with "Invalid value for EpochDay…", as JSON even on the page. */
    @Test
    void badPagingParametersAreAChinese400WithoutInternalText() {
        String token = issue("UNIT", "donghai");
        String cookie = signIn(token);
        for (String at : List.of("+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z")) {
            String c = cursor("v1 " + at + " k0000000 donghai");
            assertRefused(bearer("GET", "/api/v1/tasks/2.8?cursor=" + c, token, null), 400, "BAD_CURSOR", false);
            assertRefused(get("/tasks/2.8?unit=donghai&before=" + c, cookie), 400, "BAD_CURSOR", true);
        }
        for (String limit : List.of("abc", "1e3", "-1", "0", "51", "1.5", "%2B5", "99999999999")) {
            assertRefused(bearer("GET", "/api/v1/tasks/2.8?limit=" + limit, token, null), 400, "BAD_LIMIT", false);
        }
        assertEquals(200, bearer("GET", "/api/v1/tasks/2.8?limit=50", token, null).status());
    }

    /**
     * The framework's own refusals (no route, wrong method) and a defect's 500 speak our language too. The defect:
     * a stored report the code cannot read (task 2.6 of 惠宇, which no other test here reads).
     */
    @Test
    void theFrameworksOwnAnswersAndUnexpectedFailuresAreOursWithoutInternalText() {
        String token = issue("UNIT", "donghai");
        assertRefused(bearer("GET", "/api/v1/no-such-thing", token, null), 404, "NOT_FOUND", false);
        assertRefused(get("/no-such-page", signIn(token)), 404, "NOT_FOUND", true);
        assertRefused(bearer("DELETE", "/api/v1/tasks", token, null), 405, "METHOD_NOT_ALLOWED", false);

        String huiyu = issue("UNIT", "park-huiyu");
        Reply stored = bearer("POST", "/api/v1/tasks/2.6/progress", huiyu, body("惠宇进展"));
        assertEquals(201, stored.status(), stored.body());
        corruptStoredStatus("2.6", "park-huiyu", json(stored).path("submission").path("idempotencyKey").asText());
        assertRefused(bearer("GET", "/api/v1/tasks/2.6", huiyu, null), 500, "INTERNAL_ERROR", false);
        assertRefused(get("/tasks/2.6", signIn(huiyu)), 500, "INTERNAL_ERROR", true);
    }

    /** Issue 19: the form's 429 had no Retry-After (the API's has one). */
    @Test
    void theFormsTooManySubmissionsSaysWhenToComeBack() {
        String cookie = signIn(issue("UNIT", "donghai"));
        Map<String, String> fields = new LinkedHashMap<>(inputs(get("/tasks/2.8", cookie).body()));
        fields.put("status", "IN_PROGRESS");
        fields.put("percent", "10");
        Reply refused = null;
        // a minute boundary inside the loop starts the count again: at most twice the limit pass
        for (int i = 0; i <= 2 * SUBMISSIONS_PER_MINUTE && refused == null; i++) {
            fields.put("idempotencyKey", "form-limit-" + i + "-" + UUID.randomUUID().toString().substring(0, 8));
            fields.put("progress", "第" + i + "次");
            Reply r = postForm("/tasks/2.8", cookie, fields);
            if (r.status() != 303) {
                refused = r;
            }
        }
        assertNotNull(refused, "no 429 after " + (2 * SUBMISSIONS_PER_MINUTE + 1) + " posts");
        assertRefused(refused, 429, "TOO_MANY_SUBMISSIONS", true);
        assertEquals("60", refused.header("retry-after"));
    }

    /** Issue 19: a review under a used Idempotency-Key with other content was stored (201); a submission's is 409. */
    @Test
    void aReviewKeyNamesOneRequestLikeASubmissionKey() {
        String guanyun = json(bearer("POST", "/api/v1/tasks/1.1/progress", issue("UNIT", "guanyun"), body("灌云进展")))
                .path("submission").path("idempotencyKey").asText();
        String guannan = json(bearer("POST", "/api/v1/tasks/1.1/progress", issue("UNIT", "guannan"), body("灌南进展")))
                .path("submission").path("idempotencyKey").asText();
        String coordinator = issue("COORDINATOR", null);
        String key = "review-" + UUID.randomUUID();
        String first = "{\"unit\":\"guanyun\",\"submission\":\"" + guanyun + "\",\"decision\":\"ACCEPTED\"}";
        Reply stored = keyed("POST", "/api/v1/tasks/1.1/reviews", coordinator, key, first);
        assertEquals(201, stored.status(), stored.body());

        for (String other : List.of(
                "{\"unit\":\"guannan\",\"submission\":\"" + guannan + "\",\"decision\":\"RETURNED\",\"reason\":\"缺少佐证\"}",
                "{\"unit\":\"guannan\",\"submission\":\"" + guannan + "\",\"decision\":\"ACCEPTED\"}",
                "{\"unit\":\"guanyun\",\"submission\":\"" + guanyun + "\",\"decision\":\"ACCEPTED\",\"reason\":\"另加说明\"}")) {
            assertRefused(keyed("POST", "/api/v1/tasks/1.1/reviews", coordinator, key, other), 409,
                    "IDEMPOTENCY_KEY_REUSED", false);
        }
        Reply replay = keyed("POST", "/api/v1/tasks/1.1/reviews", coordinator, key, first);
        assertEquals(200, replay.status(), replay.body());
        assertTrue(json(replay).path("replayed").asBoolean(), replay.body());
        JsonNode reviews = json(bearer("GET", "/api/v1/tasks/1.1/supervision", coordinator, null)).path("reviews");
        assertTrue(reviews.has("guanyun#" + guanyun), reviews.toString());
        assertFalse(reviews.has("guannan#" + guannan), "nothing stored for the refused request: " + reviews);
    }

    /** Issue 19: "decision":"accepted" in lower case was taken; every enum value is its exact documented spelling. */
    @Test
    void enumValuesAreExact() {
        String donghai = issue("UNIT", "donghai");
        for (String status : List.of("in_progress", "In_Progress", " IN_PROGRESS", "推进中 ")) {
            String marker = "大小写" + UUID.randomUUID().toString().substring(0, 8);
            Reply r = bearer("POST", "/api/v1/tasks/2.8/progress", donghai,
                    "{\"status\":\"" + status + "\",\"percent\":10,\"progress\":\"" + marker + "\"}");
            assertRefused(r, 422, "STATUS_INVALID", false);
            assertFalse(bearer("GET", "/api/v1/tasks/2.8?limit=50", donghai, null).body().contains(marker), "stored");
        }
        String lianyun = issue("UNIT", "lianyun");
        String report = json(bearer("POST", "/api/v1/tasks/1.1/progress", lianyun, body("连云进展")))
                .path("submission").path("idempotencyKey").asText();
        String coordinator = issue("COORDINATOR", null);
        for (String decision : List.of("accepted", "Accepted", "returned", "ACCEPTED ")) {
            assertRefused(bearer("POST", "/api/v1/tasks/1.1/reviews", coordinator, "{\"unit\":\"lianyun\",\"submission\":\""
                    + report + "\",\"decision\":\"" + decision + "\",\"reason\":\"原因\"}"), 422, "DECISION_INVALID", false);
        }
        // The task page's forms: a review and an extension decision spelled otherwise change nothing either.
        String extension = "ext-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, keyed("POST", "/api/v1/tasks/1.1/extensions", lianyun, extension,
                "{\"date\":\"2026-09-30\",\"reason\":\"征地手续未完成\"}").status());
        String cookie = signIn(coordinator);
        String csrf = inputs(get("/tasks/1.1", cookie).body()).get("_csrf");
        Map<String, String> review = new LinkedHashMap<>();
        review.put("_csrf", csrf);
        review.put("idempotencyKey", "form-review-" + UUID.randomUUID().toString().substring(0, 8));
        review.put("unit", "lianyun");
        review.put("submission", report);
        review.put("reason", "");
        review.put("decision", "accepted");
        assertRefused(postForm("/tasks/1.1/reviews", cookie, review), 422, "DECISION_INVALID", true);
        for (String decision : List.of("APPROVE", "Approve", "approved", "")) {
            Map<String, String> decide = new LinkedHashMap<>();
            decide.put("_csrf", csrf);
            decide.put("decision", decision);
            decide.put("date", "");
            decide.put("note", "不同意");
            assertRefused(postForm("/tasks/1.1/extensions/lianyun/" + extension, cookie, decide), 422,
                    "DECISION_INVALID", true);
        }
        JsonNode record = json(bearer("GET", "/api/v1/tasks/1.1/supervision", coordinator, null));
        assertFalse(record.path("reviews").has("lianyun#" + report), record.toString());
        for (JsonNode e : record.path("extensions")) {
            if (e.path("key").asText().equals(extension)) {
                assertTrue(e.path("decision").isMissingNode() || e.path("decision").isNull(), "still pending: " + e);
            }
        }
    }

    /** Issue 19: {@code historyNext} was documented as null on the last page but left out. */
    @Test
    void theLastHistoryPageSaysSoWithANullCursor() {
        String token = issue("UNIT", "haizhou");
        JsonNode none = json(bearer("GET", "/api/v1/tasks/1.1", token, null));
        assertTrue(none.has("history") && none.path("history").isArray() && none.path("history").isEmpty(), none.toString());
        assertTrue(none.has("historyNext") && none.path("historyNext").isNull(), none.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, bearer("POST", "/api/v1/tasks/1.1/progress", token, body("海州进展" + i)).status());
        }
        JsonNode first = json(bearer("GET", "/api/v1/tasks/1.1?limit=2", token, null));
        assertEquals(2, first.path("history").size());
        assertTrue(first.path("historyNext").isTextual(), first.toString());
        JsonNode last = json(bearer("GET", "/api/v1/tasks/1.1?limit=2&cursor=" + first.path("historyNext").asText(), token, null));
        assertEquals(1, last.path("history").size(), last.toString());
        assertTrue(last.has("historyNext") && last.path("historyNext").isNull(), last.toString());
    }

    /** Issue 19: bare refusals (a foreign Origin's 403 on localhost) had no security headers; every answer has them. */
    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        String token = issue("UNIT", "donghai");
        String cookie = signIn(token);
        Map<String, String> foreign = new LinkedHashMap<>();
        foreign.put("Cookie", cookie);
        foreign.put("Origin", "https://evil.example");
        List<Reply> answers = List.of(get("/catalog", null), get("/tasks/2.8", cookie), get("/tasks/2.8", null),
                bearer("GET", "/api/v1/tasks", token, null), bearer("GET", "/api/v1/tasks", "forged", null),
                get("/nowhere", null), send("GET", "/tasks/2.8", foreign, null),
                send("GET", "/api/v1/tasks", Map.of("Authorization", "Bearer " + token, "Origin", "https://evil.example"), null),
                send("POST", "/tasks/2.8", foreign, "status=IN_PROGRESS"));
        for (Reply r : answers) {
            assertSecurityHeaders(r);
            if (r.status() >= 400) {
                for (String internal : INTERNAL_TEXT) {
                    assertFalse(r.body().contains(internal), r.status() + ": " + r.body());
                }
                assertFalse(r.body().isEmpty(), "a refusal says why: " + r.status());
            }
        }
    }
}
