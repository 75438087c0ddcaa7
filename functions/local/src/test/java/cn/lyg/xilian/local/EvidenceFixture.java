package cn.lyg.xilian.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the evidence tests of the local run share: real-size files on disk, a signed-in unit (session cookie, CSRF
 * token, Bearer token), multipart bodies streamed from those files as browsers and API clients send them, a raw
 * HTTP/1.1 request for targets no URI class would build, and snapshots of every evidence file and item.
 */
final class EvidenceFixture {

    static final byte[] PDF_MAGIC = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final long MB = 1024 * 1024;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private EvidenceFixture() {
    }

    /** A file of exactly {@code size} bytes: the type's magic, then random bytes (a photo or scan's entropy). */
    static Path file(Path dir, String name, byte[] magic, long size, long seed) throws IOException {
        Path p = dir.resolve(name);
        Random random = new Random(seed);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(magic);
            for (long left = size - magic.length; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
        }
        return p;
    }

    /** A unit signed in through the sign-in link the local run wrote: its token, session cookie and CSRF token. */
    record Unit(String id, String token, String cookie, String csrf) {
    }

    static Unit signIn(LocalRun run, String unitId, String task) throws Exception {
        String link = run.signInLink("(" + unitId + ")");
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(run.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", run.base())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(run.base() + "/tasks/" + task)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on /tasks/" + task + ": " + page);
        }
        return new Unit(unitId, token, cookie, csrf.group(1));
    }

    /** A report through the JSON API; returns its key. */
    static String report(LocalRun run, Unit unit, String task, String key) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(run.base() + "/api/v1/tasks/" + task + "/progress"))
                .header("Authorization", "Bearer " + unit.token()).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\",\"percent\":40,\"progress\":\"已完成现场踏勘\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        return key;
    }

    static final String BOUNDARY = "----WebKitFormBoundaryXilian7MA4YWxk";

    /** A multipart body as a browser streams it: the fields, then each file (field "files"), read from disk. */
    static HttpRequest.BodyPublisher multipart(Map<String, String> fields, List<Path> files) throws IOException {
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n", StandardCharsets.UTF_8));
        }
        for (Path file : files) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; "
                    + "name=\"files\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                    StandardCharsets.UTF_8));
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    static HttpRequest.Builder multipartPost(URI target) {
        return HttpRequest.newBuilder(target).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    /** The form's upload as the browser sends it (session, CSRF token, same-origin headers). */
    static HttpResponse<String> formUpload(LocalRun run, Unit unit, String task, String report, List<Path> files)
            throws Exception {
        return HTTP.send(multipartPost(URI.create(run.base() + "/tasks/" + task + "/reports/" + report + "/evidence"))
                .header("Cookie", unit.cookie()).header("Origin", run.base()).header("Sec-Fetch-Site", "same-origin")
                .POST(multipart(Map.of("_csrf", unit.csrf()), files)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The API's multipart upload with the unit's Bearer token. */
    static HttpResponse<String> apiUpload(LocalRun run, Unit unit, String task, String report, List<Path> files)
            throws Exception {
        return HTTP.send(multipartPost(URI.create(run.base() + "/api/v1/tasks/" + task + "/reports/" + report
                        + "/evidence/files")).header("Authorization", "Bearer " + unit.token())
                .POST(multipart(Map.of(), files)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP/1.1 request with its target exactly as given (no URI class in between); the status code. */
    static int raw(LocalRun run, String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        URI base = URI.create(run.base());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = s.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            in.transferTo(OutputStream.nullOutputStream());
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every evidence file under the data folder, by relative path, with the SHA-256 of its content. */
    static Map<String, String> filesOnDisk(Path data) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path root = data.resolve("evidence");
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(data.relativize(p).toString(), sha256(p));
            }
        }
        return out;
    }

    /** Files waiting in the upload folder (there should be none between requests). */
    static List<Path> waiting(Path data) throws IOException {
        Path tmp = data.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    /** Every evidence item of the table (files, slots, tickets), by key, with all its attributes. */
    static Map<String, Map<String, AttributeValue>> evidenceItems(DynamoDbClient client, String table) {
        Map<String, Map<String, AttributeValue>> out = new TreeMap<>();
        client.scanPaginator(b -> b.tableName(table)).items().forEach(i -> {
            String sk = i.get("sk").s();
            if (sk.startsWith("FILE#") || sk.startsWith("SLOTS#") || sk.startsWith("UPLOAD#")) {
                out.put(i.get("pk").s() + " " + sk, i);
            }
        });
        return out;
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
