package cn.lyg.xilian.local;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceRepository;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.local.EvidenceFixture.JPEG_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.MB;
import static cn.lyg.xilian.local.EvidenceFixture.PDF_MAGIC;
import static cn.lyg.xilian.local.EvidenceFixture.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report form's post with files, in the local run (Netty, the folder store, dynalite): files of the unit's
 * earlier report carried over to the new one (copied to its folder, recorded once however often the post is
 * retried), never another unit's; the per-report cap counts carried and new files together; a refused file or a
 * carried file that is not the caller's stores nothing, not even the report. Asserted on the folder and the table.
 */
@ExtendWith(DynaliteExtension.class)
class ReportCarryOverLocalRunTest {

    private static final String TASK = "1.2";
    static LocalRun run;
    static Path sources;

    @BeforeAll
    static void start(Dynalite dynalite) throws Exception {
        run = LocalRun.start(dynalite, "carry-over-local", Map.of());
        sources = Files.createTempDirectory("carry-sources-");
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    private static List<EvidenceFile> files(String unit, String key) {
        return run.server().getApplicationContext().getBean(EvidenceRepository.class)
                .files(new ReportRef(2026, TASK, unit, key));
    }

    private static boolean stored(String unit, String key) {
        return run.server().getApplicationContext().getBean(ProgressRepository.class)
                .find(2026, TASK, unit, key).isPresent();
    }

    private static HttpResponse<String> submit(EvidenceFixture.Unit unit, Map<String, String> extra, List<Path> files)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", unit.csrf());
        fields.put("status", "IN_PROGRESS");
        fields.put("percent", "60");
        fields.put("progress", "按退回意见补充了现场照片");
        fields.putAll(extra);
        return EvidenceFixture.HTTP.send(EvidenceFixture.multipartPost(URI.create(run.base() + "/tasks/" + TASK))
                .header("Cookie", unit.cookie()).header("Origin", run.base()).header("Sec-Fetch-Site", "same-origin")
                .POST(EvidenceFixture.multipart(fields, files)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> carry(String from, List<EvidenceFile> files) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("carryFrom", from);
        files.forEach(f -> out.put("carry." + f.fileId(), "1"));
        return out;
    }

    @Test
    void carriedFilesAreCopiedOnceNeverAnotherUnitsAndTheCapCountsThemWithNewOnes() throws Exception {
        var unit = EvidenceFixture.signIn(run, "guannan", TASK);
        String first = EvidenceFixture.report(run, unit, TASK, "carry-first-report-1");
        Path photo = file(sources, "现场照片.jpg", JPEG_MAGIC, 5 * MB, 31);
        Path pdf = file(sources, "整改说明.pdf", PDF_MAGIC, MB / 2, 32);
        assertThat(EvidenceFixture.formUpload(run, unit, TASK, first, List.of(photo, pdf)).statusCode()).isEqualTo(303);
        List<EvidenceFile> previous = files("guannan", first);
        assertThat(previous).hasSize(2);
        Map<String, String> before = EvidenceFixture.filesOnDisk(run.data());

        // Another unit naming guannan's report and files: 422, nothing stored, not even its report.
        var other = EvidenceFixture.signIn(run, "haizhou", TASK);
        Map<String, String> stolen = new LinkedHashMap<>(carry(first, previous));
        stolen.put("idempotencyKey", "carry-stolen-report-1");
        HttpResponse<String> refused = submit(other, stolen, List.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("CARRY_FILE_NOT_FOUND").contains("按退回意见补充了现场照片");
        assertThat(stored("haizhou", "carry-stolen-report-1")).isFalse();
        assertThat(files("haizhou", "carry-stolen-report-1")).isEmpty();
        assertThat(EvidenceFixture.filesOnDisk(run.data())).isEqualTo(before);

        // The owner: the report and its carried files in one post; the same post again changes nothing.
        Map<String, String> own = new LinkedHashMap<>(carry(first, previous));
        own.put("idempotencyKey", "carry-second-report-1");
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> r = submit(unit, own, List.of());
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).contains("/submissions/" + TASK + "/guannan/carry-second-report-1");
        }
        List<EvidenceFile> carried = files("guannan", "carry-second-report-1");
        assertThat(carried).extracting(EvidenceFile::displayName).containsExactlyInAnyOrder("现场照片.jpg", "整改说明.pdf");
        Map<String, String> onDisk = EvidenceFixture.filesOnDisk(run.data());
        String folder = "evidence/2026/" + TASK + "/guannan/carry-second-report-1/";
        assertThat(onDisk.keySet().stream().filter(k -> k.startsWith(folder))).hasSize(2);
        String photoSha = EvidenceFixture.sha256(photo);
        assertThat(onDisk.values().stream().filter(photoSha::equals)).hasSize(2);
        assertThat(files("guannan", first)).as("the returned report keeps its own").hasSize(2);

        // The cap: two carried and nine new files are eleven: 422, neither the report nor any file is stored.
        List<Path> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(file(sources, "补充材料" + i + ".pdf", PDF_MAGIC, 4096, 40 + i));
        }
        Map<String, String> tooMany = new LinkedHashMap<>(carry(first, previous));
        tooMany.put("idempotencyKey", "carry-third-report-1");
        HttpResponse<String> capped = submit(unit, tooMany, nine);
        assertThat(capped.statusCode()).isEqualTo(422);
        assertThat(capped.body()).contains("TOO_MANY_FILES").contains("按退回意见补充了现场照片");
        assertThat(stored("guannan", "carry-third-report-1")).isFalse();
        assertThat(EvidenceFixture.filesOnDisk(run.data())).isEqualTo(onDisk);

        // A refused file (a script named .jpg) on the report form: the report is not stored either.
        Path fake = Files.writeString(sources.resolve("伪装照片.jpg"), "<script>alert(1)</script>");
        HttpResponse<String> badFile = submit(unit, Map.of("idempotencyKey", "carry-fourth-report-1"), List.of(pdf, fake));
        assertThat(badFile.statusCode()).isEqualTo(422);
        assertThat(badFile.body()).contains("不是允许的文件类型").contains("id=\"report-files\"");
        assertThat(stored("guannan", "carry-fourth-report-1")).isFalse();
        assertThat(EvidenceFixture.filesOnDisk(run.data())).isEqualTo(onDisk);
        assertThat(EvidenceFixture.waiting(run.data())).isEmpty();
    }
}
