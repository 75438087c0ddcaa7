package cn.lyg.xilian.local;

import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.security.EvidenceAttacks;
import cn.lyg.xilian.web.http.UploadReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.lyg.xilian.local.EvidenceFixture.JPEG_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.MB;
import static cn.lyg.xilian.local.EvidenceFixture.PDF_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 佐证材料 in the local run (Netty, the folder store, dynalite), with real-size files: a 0.5 MB PDF, a 5 MB phone
 * photo and a 19.5 MB scan are stored through the form and through the API, streamed to disk; a 20.5 MB file is
 * refused with the Chinese FILE_TOO_LARGE message and nothing of it stays. Ten requests of ten files racing for one
 * report leave ten files. Every identifier of every evidence route, bent by traversal and encoding tricks, touches
 * no file and no item: asserted on the folder and the table themselves.
 */
@ExtendWith(DynaliteExtension.class)
class EvidenceLocalRunTest {

    private static final String TASK = "1.2";
    static LocalRun run;
    static Path sources;
    static Path halfMb;
    static Path phonePhoto;
    static Path scan;
    static Path oversized;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        run = LocalRun.start(dynalite, "evidence-local", Map.of());
        sources = Files.createTempDirectory("evidence-sources-");
        halfMb = file(sources, "会议纪要.pdf", PDF_MAGIC, MB / 2, 1);
        phonePhoto = file(sources, "IMG_20261207_093015.jpg", JPEG_MAGIC, 5 * MB, 2);
        scan = file(sources, "协议扫描件（盖章）.pdf", PDF_MAGIC, 19 * MB + MB / 2, 3);
        oversized = file(sources, "整本台账扫描.pdf", PDF_MAGIC, 20 * MB + MB / 2, 4);
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    private static DynamoDbClient dynamo() {
        return run.server().getApplicationContext().getBean(DynamoDbClient.class);
    }

    private static String table() {
        return run.server().getApplicationContext().getBean(DynamoDbSettings.class).tableName();
    }

    private static Map<String, String> reportFiles(String unit, String report) throws Exception {
        String folder = "evidence/2026/" + TASK + "/" + unit + "/" + report + "/";
        Map<String, String> out = new LinkedHashMap<>();
        EvidenceFixture.filesOnDisk(run.data()).forEach((k, v) -> {
            if (k.startsWith(folder)) {
                out.put(k.substring(folder.length()), v);
            }
        });
        return out;
    }

    @Test
    void realSizeFilesAreStoredThroughTheFormAndTheApiAndAnOversizedOneIsRefusedLeavingNothing() throws Exception {
        assertThat(run.server().getApplicationContext().getProperty("micronaut.server.max-request-size", Long.class))
                .as("Netty's limit is the receiver's").contains(UploadReceiver.MAX_REQUEST_BYTES);
        var unit = EvidenceFixture.signIn(run, "lianyun", TASK);
        String viaForm = EvidenceFixture.report(run, unit, TASK, "size-form-report-1");
        String viaApi = EvidenceFixture.report(run, unit, TASK, "size-api-report-1");

        // The form: three files in one post (25 MB), as the browser streams it.
        HttpResponse<String> form = EvidenceFixture.formUpload(run, unit, TASK, viaForm, List.of(halfMb, phonePhoto, scan));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
        assertThat(reportFiles("lianyun", viaForm).values()).containsExactlyInAnyOrder(
                EvidenceFixture.sha256(halfMb), EvidenceFixture.sha256(phonePhoto), EvidenceFixture.sha256(scan));
        assertThat(reportFiles("lianyun", viaForm).keySet()).allMatch(n -> n.matches("[0-9a-f]{16}\\.(pdf|jpg)"));

        HttpResponse<String> tooLarge = EvidenceFixture.formUpload(run, unit, TASK, viaForm, List.of(oversized));
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("“整本台账扫描.pdf”超过20MB");
        assertThat(reportFiles("lianyun", viaForm)).hasSize(3);

        // The API: one file per request, each size.
        for (Path p : List.of(halfMb, phonePhoto, scan)) {
            HttpResponse<String> r = EvidenceFixture.apiUpload(run, unit, TASK, viaApi, List.of(p));
            assertThat(r.statusCode()).as(p + " " + r.body()).isEqualTo(201);
            assertThat(r.body()).contains("\"size\":" + Files.size(p));
        }
        HttpResponse<String> again = EvidenceFixture.apiUpload(run, unit, TASK, viaApi, List.of(scan));
        assertThat(again.statusCode()).as("the same file again: a replay").isEqualTo(200);
        HttpResponse<String> apiTooLarge = EvidenceFixture.apiUpload(run, unit, TASK, viaApi, List.of(oversized));
        assertThat(apiTooLarge.statusCode()).isEqualTo(422);
        assertThat(apiTooLarge.body()).contains("\"code\":\"FILE_TOO_LARGE\"").contains("超过20MB");
        assertThat(reportFiles("lianyun", viaApi)).hasSize(3);
        assertThat(EvidenceFixture.evidenceItems(dynamo(), table()).keySet().stream()
                .filter(k -> k.contains("FILE#lianyun#size-")).count()).isEqualTo(6);
        assertThat(EvidenceFixture.waiting(run.data())).as("no received file waits after its request").isEmpty();
    }

    @Test
    void tenRequestsOfTenFilesRacingForOneReportLeaveTenFiles() throws Exception {
        var unit = EvidenceFixture.signIn(run, "haizhou", TASK);
        String report = EvidenceFixture.report(run, unit, TASK, "race-report-1");
        Path dir = Files.createTempDirectory("race-");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            List<Path> ten = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ten.add(file(Files.createDirectories(dir.resolve("r" + r)), "现场照片" + i + ".jpg", JPEG_MAGIC, 64 * 1024,
                        100L * r + i));
            }
            answers.add(pool.submit(() -> {
                go.await();
                return EvidenceFixture.apiUpload(run, unit, TASK, report, ten);
            }));
        }
        go.countDown();
        int created = 0;
        for (var a : answers) {
            HttpResponse<String> r = a.get();
            if (r.statusCode() == 201) {
                created++;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
                assertThat(r.body()).contains("TOO_MANY_FILES");
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(reportFiles("haizhou", report)).hasSize(10);
        assertThat(EvidenceFixture.evidenceItems(dynamo(), table()).keySet().stream()
                .filter(k -> k.contains("FILE#haizhou#race-report-1#")).count()).isEqualTo(10);
    }

    @Test
    void everyIdentifierBentToLeaveTheCallersReportTouchesNoFileAndNoItem() throws Exception {
        var victim = EvidenceFixture.signIn(run, "ganyu", TASK);
        String victimReport = EvidenceFixture.report(run, victim, TASK, "victim-report-1");
        HttpResponse<String> stored = EvidenceFixture.apiUpload(run, victim, TASK, victimReport, List.of(halfMb));
        assertThat(stored.statusCode()).isEqualTo(201);
        String fileId = stored.body().replaceAll("(?s).*\"fileId\":\"([^\"]+)\".*", "$1");
        var attacker = EvidenceFixture.signIn(run, "lianyun", TASK);
        String own = EvidenceFixture.report(run, attacker, TASK, "attacker-report-1");

        Map<String, String> filesBefore = EvidenceFixture.filesOnDisk(run.data());
        var itemsBefore = EvidenceFixture.evidenceItems(dynamo(), table());
        String victimKey = "evidence/2026/1.2/ganyu/" + victimReport + "/" + fileId + ".pdf";
        String ownUpload = "evidence/2026/1.2/lianyun/" + own + "/upload-sectest99sectest/";

        byte[] pdf = Files.readAllBytes(halfMb);
        String multipart = "--" + EvidenceFixture.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + attacker.csrf() + "\r\n--" + EvidenceFixture.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n";
        byte[] upload = concat(multipart.getBytes(StandardCharsets.UTF_8), pdf,
                ("\r\n--" + EvidenceFixture.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> session = Map.of("Cookie", attacker.cookie(), "Origin", run.base(), "Sec-Fetch-Site", "same-origin",
                "Content-Type", "multipart/form-data; boundary=" + EvidenceFixture.BOUNDARY);
        Map<String, String> bearerMultipart = Map.of("Authorization", "Bearer " + attacker.token(),
                "Content-Type", "multipart/form-data; boundary=" + EvidenceFixture.BOUNDARY);
        Map<String, String> bearerJson = Map.of("Authorization", "Bearer " + attacker.token(), "Content-Type", "application/json");
        Map<String, String> cookie = Map.of("Cookie", attacker.cookie());

        int sent = 0;
        for (String bent : EvidenceAttacks.segments("ganyu", victimReport)) {
            List<Attempt> attempts = List.of(
                    new Attempt("POST", "/tasks/" + bent + "/reports/" + own + "/evidence", session, upload),
                    new Attempt("POST", "/tasks/" + TASK + "/reports/" + bent + "/evidence", session, upload),
                    new Attempt("POST", "/api/v1/tasks/" + bent + "/reports/" + own + "/evidence/files", bearerMultipart, upload),
                    new Attempt("POST", "/api/v1/tasks/" + TASK + "/reports/" + bent + "/evidence/files", bearerMultipart, upload),
                    new Attempt("GET", "/evidence/" + bent + "/ganyu/" + victimReport + "/" + fileId, cookie, new byte[0]),
                    new Attempt("GET", "/evidence/" + TASK + "/" + bent + "/" + victimReport + "/" + fileId, cookie, new byte[0]),
                    new Attempt("GET", "/evidence/" + TASK + "/ganyu/" + bent + "/" + fileId, cookie, new byte[0]),
                    new Attempt("GET", "/evidence/" + TASK + "/ganyu/" + victimReport + "/" + bent, cookie, new byte[0]),
                    new Attempt("GET", "/tasks/" + bent + "/reports/" + own + "/evidence/upload", cookie, new byte[0]),
                    new Attempt("GET", "/tasks/" + TASK + "/reports/" + bent + "/evidence/upload", cookie, new byte[0]),
                    new Attempt("GET", "/tasks/" + TASK + "/reports/" + own + "/evidence/uploaded/" + bent + "?key="
                            + EvidenceFixture.enc(ownUpload + "x.pdf"), cookie, new byte[0]),
                    new Attempt("GET", "/tasks/" + bent + "/reports/" + own + "/evidence/uploaded/sectest99sectest?key="
                            + EvidenceFixture.enc(ownUpload + "x.pdf"), cookie, new byte[0]),
                    new Attempt("POST", "/api/v1/tasks/" + bent + "/reports/" + own + "/evidence/uploads", bearerJson,
                            "{}".getBytes(StandardCharsets.UTF_8)),
                    new Attempt("POST", "/api/v1/tasks/" + TASK + "/reports/" + bent + "/evidence/uploads", bearerJson,
                            "{}".getBytes(StandardCharsets.UTF_8)),
                    new Attempt("POST", "/api/v1/tasks/" + TASK + "/reports/" + bent + "/evidence", bearerJson,
                            ("{\"key\":\"" + ownUpload + "x.pdf\"}").getBytes(StandardCharsets.UTF_8)));
            for (Attempt a : attempts) {
                int status = EvidenceFixture.raw(run, a.method(), a.target(), a.headers(), a.body());
                assertThat(status).as(a.method() + " " + a.target()).isBetween(400, 499);
                sent++;
            }
        }
        for (String key : EvidenceAttacks.keys(ownUpload, victimKey, run.data().toString())) {
            String json = "{\"key\":\"" + key.replace("\\", "\\\\").replace("\u0000", "\\u0000") + "\"}";
            int api = EvidenceFixture.raw(run, "POST", "/api/v1/tasks/" + TASK + "/reports/" + own + "/evidence",
                    bearerJson, json.getBytes(StandardCharsets.UTF_8));
            assertThat(api).as(key).isBetween(400, 499);
            int page = EvidenceFixture.raw(run, "GET", "/tasks/" + TASK + "/reports/" + own
                    + "/evidence/uploaded/sectest99sectest?key=" + EvidenceFixture.enc(key), cookie, new byte[0]);
            assertThat(page).as(key).isBetween(400, 499);
            sent += 2;
        }
        assertThat(sent).isGreaterThan(200);
        assertThat(EvidenceFixture.filesOnDisk(run.data())).as("no file read into another place, moved or deleted")
                .isEqualTo(filesBefore);
        assertThat(EvidenceFixture.evidenceItems(dynamo(), table())).as("no record written or changed")
                .isEqualTo(itemsBefore);
        HttpResponse<byte[]> download = EvidenceFixture.HTTP.send(HttpRequest.newBuilder(URI.create(run.base()
                + "/evidence/" + TASK + "/ganyu/" + victimReport + "/" + fileId)).header("Cookie", victim.cookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
    }

    record Attempt(String method, String target, Map<String, String> headers, byte[] body) {
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
