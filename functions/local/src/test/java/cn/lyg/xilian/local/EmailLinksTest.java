package cn.lyg.xilian.local;

import cn.lyg.xilian.tools.RunJobCommand;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link of every email the system sends opens a page. The local run serves the web app; reports go in
 * through the API; the jobs run as infra/bin/job runs them (their own context, their own application.yml,
 * the outbox); every .eml is parsed as MIME, and every link of its text and HTML parts must be an absolute
 * http(s) URL on the public base URL that answers 200 to the email's own recipient (the coordinators, or
 * the unit the email is addressed to).
 */
@ExtendWith(DynaliteExtension.class)
class EmailLinksTest {

    /** Anything in a text part that looks like a path of the web app, with the ASCII that precedes it. */
    private static final Pattern TEXT_LINK = Pattern.compile(
            "[\\x21-\\x7e&&[^<>\"()]]*/(?:tasks|board|submissions|catalog|coordinator|login)[\\x21-\\x7e&&[^<>\"()]]*");
    private static final Pattern HREF = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyLinkOfEveryEmailIsAbsoluteAndOpensAPageForItsRecipient(Dynalite dynalite, @TempDir Path data)
            throws Exception {
        String table = Dynalite.uniqueTableName("links");
        Path contacts = root().resolve("infra/local/contacts.yml");
        Map<String, Object> p = new HashMap<>();
        // A random port, as tests and benchmarks start it: the links (the sign-in file, the local run's own email,
        // the jobs' emails) must name the port actually bound (LocalLinks).
        p.put("micronaut.server.port", -1);
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.local.data-dir", data.toString());
        p.put("xilian.local.catalog", root().resolve("infra/plans/plan-2026.json").toString());
        p.put("xilian.contacts.coordinators", List.of("coordinator@ndrc.example.cn"));
        p.put("aws.region", "cn-north-1");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p, LocalApplication.ENVIRONMENT)) {
            String base = "http://localhost:" + server.getPort();
            assertThat(Files.readAllLines(data.resolve("dev-credentials.txt")).stream()
                    .filter(line -> line.contains("/login?token=")))
                    .as("the sign-in links name the bound port").isNotEmpty()
                    .allMatch(line -> line.contains(" " + base + "/login?token="));
            assertThat(server.getApplicationContext().getBean(WebSettings.class).getPublicBaseUrl()).isEqualTo(base);
            Map<String, String> tokens = tokens(data.resolve("dev-credentials.txt"));
            submit(base, tokens.get("donghai"), "2.8", "受阻", "links-test-1");
            submit(base, tokens.get("ganyu"), "1.1", "推进中", "links-test-2");
            awaitMail(data.resolve("outbox")); // the 受阻 report's email from the local run itself

            String[] common = {"--endpoint", dynalite.endpoint().toString(), "--table", table,
                    "--outbox", data.resolve("outbox").toString(), "--contacts", contacts.toString(), "--base-url", base};
            try {
                assertThat(job("alert-scan", "--as-of", "2026-12-21", common)).isZero();
                assertThat(job("weekly-summary", "--as-of", "2026-11-30", common)).isZero();
            } finally {
                System.clearProperty("micronaut.config.files");
            }

            Map<String, String> cookies = new HashMap<>();
            List<String> checked = new ArrayList<>();
            List<Path> emails;
            try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
                emails = files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
            }
            assertThat(emails).hasSizeGreaterThan(10);
            Set<String> kinds = new LinkedHashSet<>();
            for (Path eml : emails) {
                MimeMessage message;
                try (InputStream in = Files.newInputStream(eml)) {
                    message = new MimeMessage(Session.getInstance(new Properties()), in);
                }
                kinds.add(message.getSubject().replaceAll("[0-9]+", "N"));
                String recipient = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
                String who = recipient.startsWith("coordinator@") ? "coordinators" : recipient.substring(0, recipient.indexOf('@'));
                Set<String> links = new LinkedHashSet<>();
                collect(message, links);
                if (message.getSubject().startsWith("【运维提醒】")) {
                    // to the operators (OpsEmail): a command to run, no page of the application to open
                    assertThat(links).as("links of %s", message.getSubject()).isEmpty();
                    assertThat(text(message)).contains("infra/bin/load-calendar");
                    continue;
                }
                assertThat(links).as("links of %s (%s)", eml.getFileName(), message.getSubject()).isNotEmpty();
                for (String link : links) {
                    assertThat(link).as("a link in %s", message.getSubject()).startsWith(base + "/");
                    URI uri = URI.create(link);
                    assertThat(uri.getScheme()).isIn("http", "https");
                    String cookie = cookies.computeIfAbsent(who, w -> signIn(base, tokens.get(w)));
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri).header("Cookie", cookie).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).as("GET %s as %s (from %s)", link, who, message.getSubject())
                            .isEqualTo(200);
                    checked.add(link);
                }
            }
            // Alerts, the summary and the unit digests were all seen.
            assertThat(String.join(" ", kinds)).contains("【预警】", "【周报】", "上报受阻/滞后"); // the local run's own alert too
            assertThat(checked).anyMatch(l -> l.contains("/tasks/")).anyMatch(l -> l.contains("/board?unit="));
        }
    }

    /** The text of every text part. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            StringBuilder all = new StringBuilder();
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(text(multi.getBodyPart(i)));
            }
            return all.toString();
        }
        return part.isMimeType("text/*") ? part.getContent().toString() : "";
    }

    /** Every link of the text and HTML parts, as written in the email; attachments are skipped. */
    private static void collect(Part part, Set<String> links) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    collect(child, links);
                }
            }
        } else if (part.isMimeType("text/html")) {
            String html = (String) part.getContent();
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                links.add(m.group(1).replace("&amp;", "&"));
            }
        } else if (part.isMimeType("text/plain")) {
            Matcher m = TEXT_LINK.matcher((String) part.getContent());
            while (m.find()) {
                links.add(m.group());
            }
        }
    }

    private int job(String job, String flag, String value, String... common) throws Exception {
        List<String> args = new ArrayList<>(List.of(job, flag, value));
        args.addAll(List.of(common));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RunJobCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).as(job).contains("sent");
        return code;
    }

    private void submit(String base, String token, String taskId, String status, String key) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/" + taskId + "/progress"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status
                        + "\",\"percent\":30,\"progress\":\"推进中\",\"problems\":\"待审批\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** The sign-in link's confirmation page, then its form's POST: the session cookie. */
    private String signIn(String base, String token) {
        try {
            HttpResponse<String> confirm = http.send(HttpRequest.newBuilder(URI.create(base + "/login?token="
                    + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(confirm.statusCode()).isEqualTo(200);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(303);
            return r.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** unit id (or "coordinators") → sign-in token, from the local run's dev-credentials.txt. */
    private static Map<String, String> tokens(Path file) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int at = line.indexOf("token=");
            if (at < 0) {
                continue;
            }
            String token = java.net.URLDecoder.decode(line.substring(at + 6).strip(), StandardCharsets.UTF_8);
            Matcher unit = Pattern.compile("\\(([a-z0-9-]+)\\)").matcher(line);
            tokens.put(unit.find() ? unit.group(1) : "coordinators", token);
        }
        return tokens;
    }

    private static void awaitMail(Path outbox) throws Exception {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    if (files.anyMatch(f -> f.toString().endsWith(".eml"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
    }

    private static Path root() {
        return Path.of(System.getProperty("xilian.root", "../..")).toAbsolutePath().normalize();
    }
}
