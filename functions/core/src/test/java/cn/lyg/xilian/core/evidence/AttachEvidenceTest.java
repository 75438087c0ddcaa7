package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.lyg.xilian.core.evidence.EvidenceRulesTest.PDF;
import static cn.lyg.xilian.core.evidence.EvidenceRulesTest.JPEG;
import static cn.lyg.xilian.core.evidence.EvidenceRulesTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

class AttachEvidenceTest {

    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "h-ganyu");
    static final Principal DONGHAI = new Principal(Role.UNIT, "donghai", "h-donghai");
    static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "h-coord");

    InMemoryEvidence.Store store;
    InMemoryEvidence.Records records;
    InMemoryProgressRepository progress;
    AttachEvidence evidence;

    @BeforeEach
    void setUp() {
        store = new InMemoryEvidence.Store();
        records = new InMemoryEvidence.Records();
        progress = new InMemoryProgressRepository();
        evidence = new AttachEvidence(store, records, progress, Clock.fixed(NOW, ZoneOffset.UTC));
        report("ganyu", "ganyu-report-1");
        report("donghai", "donghai-report-1");
    }

    private void report(String unit, String key) {
        progress.record(SubmissionBuilder.submission("1.1", unit).key(key).at(NOW.minusSeconds(60)).build());
    }

    private static ReportRef ref(String unit, String key) {
        return new ReportRef(2026, "1.1", unit, key);
    }

    private static byte[] pdf(int n) {
        return (new String(PDF, StandardCharsets.US_ASCII) + "%" + n + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void filesAreAttachedUnderSafeNamesAndTheSameRequestTwiceAttachesThemOnce() {
        var first = evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1",
                List.of(upload("说明.hta", PDF), upload("附件\u202Efdp.bat", JPEG)));
        assertThat(first).isInstanceOf(Outcome.Done.class);
        List<EvidenceFile> files = ((Outcome.Done<List<EvidenceFile>>) first).value();
        assertThat(files).extracting(EvidenceFile::displayName).containsExactly("说明.pdf", "附件fdp.jpg");
        assertThat(store.objects.keySet()).allMatch(k -> k.startsWith("evidence/2026/1.1/ganyu/ganyu-report-1/"))
                .hasSize(2);

        var again = evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1",
                List.of(upload("说明.hta", PDF), upload("附件\u202Efdp.bat", JPEG)));
        assertThat(again).isEqualTo(new Outcome.Done<>(files, true));
        assertThat(records.files(ref("ganyu", "ganyu-report-1"))).hasSize(2);
        assertThat(store.objects).hasSize(2);
    }

    @Test
    void anotherUnitsReportOrTaskIsNeverTouched() {
        assertThat(evidence.attach(TwoUnitPlan.PLAN, DONGHAI, "1.1", "ganyu-report-1", List.of(upload("a.pdf", PDF))))
                .isInstanceOf(Outcome.NotFound.class);
        assertThat(evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.2", "ganyu-report-1", List.of(upload("a.pdf", PDF))))
                .isInstanceOf(Outcome.Forbidden.class);
        assertThat(evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "../donghai/donghai-report-1",
                List.of(upload("a.pdf", PDF)))).isInstanceOf(Outcome.NotFound.class);
        assertThat(store.touched).isEmpty();
    }

    @Test
    void theTenFileLimitHoldsWhenTenRequestsOfTenFilesRace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<List<EvidenceFile>>>> answers = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            int request = r;
            answers.add(pool.submit(() -> {
                List<EvidenceRules.Upload> ten = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ten.add(upload("f" + request + "-" + i + ".pdf", pdf(request * 100 + i)));
                }
                start.await();
                return evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", ten);
            }));
        }
        start.countDown();
        int done = 0;
        for (var a : answers) {
            if (a.get() instanceof Outcome.Done<?>) {
                done++;
            } else {
                assertThat(a.get()).isInstanceOf(Outcome.Invalid.class);
            }
        }
        pool.shutdown();
        assertThat(done).isEqualTo(1);
        assertThat(records.files(ref("ganyu", "ganyu-report-1"))).hasSize(10);
        assertThat(store.objects).as("refused requests leave nothing behind").hasSize(10);
    }

    @Test
    void aDirectUploadIsAttachedOnlyUnderTheTicketIssuedForTheCallersOwnReport() {
        store.signs = true;
        var issued = (Outcome.Done<AttachEvidence.UploadForm>) evidence.uploadForm(TwoUnitPlan.PLAN, GANYU, "1.1",
                "ganyu-report-1", id -> URI.create("https://x.example/confirm/" + id));
        String uploadId = issued.value().uploadId();
        assertThat(issued.value().form().fields().get("success_action_redirect")).endsWith("/confirm/" + uploadId);
        String key = EvidenceKeys.uploadPrefix(ref("ganyu", "ganyu-report-1"), uploadId) + "整改报告.html";
        store.posted(key, PDF);

        // donghai's own report with ganyu's key, and keys crafted to leave the report: nothing is touched.
        report("donghai", "donghai-report-2");
        store.touched.clear();
        for (String crafted : List.of(key,
                EvidenceKeys.uploadPrefix(ref("donghai", "donghai-report-2"), uploadId) + "../../../ganyu/ganyu-report-1/"
                        + uploadId + "/整改报告.html",
                "evidence/2026/1.1/donghai/donghai-report-2/upload-" + uploadId + "/../../ganyu/ganyu-report-1/x.pdf")) {
            assertThat(evidence.confirmUpload(TwoUnitPlan.PLAN, DONGHAI, "1.1", "donghai-report-2", null, crafted))
                    .as(crafted).isEqualTo(new Outcome.NotFound<>("UPLOAD_NOT_FOUND", "未找到该上传文件"));
        }
        // ganyu's own key under another ticket than the route names (the signed redirect's).
        assertThat(evidence.confirmUpload(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", "AAAAAAAAAAAAAAAA", key))
                .isInstanceOf(Outcome.NotFound.class);
        assertThat(store.touched).isEmpty();
        assertThat(store.objects).containsOnlyKeys(key);

        var attached = evidence.confirmUpload(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", uploadId, key);
        assertThat(attached).isInstanceOf(Outcome.Done.class);
        EvidenceFile file = ((Outcome.Done<EvidenceFile>) attached).value();
        assertThat(file.displayName()).isEqualTo("整改报告.pdf");
        assertThat(file.fileId()).isEqualTo(uploadId);
        assertThat(store.objects).containsOnlyKeys(file.storageKey());
        // A retry answers the recorded file; a second object posted with the same form is never attached.
        assertThat(evidence.confirmUpload(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", null, key))
                .isEqualTo(new Outcome.Done<>(file, true));
        String second = EvidenceKeys.uploadPrefix(ref("ganyu", "ganyu-report-1"), uploadId) + "另一个.pdf";
        store.posted(second, pdf(2));
        assertThat(evidence.confirmUpload(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", null, second))
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(store.objects).containsOnlyKeys(file.storageKey());
        assertThat(records.files(ref("ganyu", "ganyu-report-1"))).containsExactly(file);
    }

    @Test
    void aKeyWithoutAnIssuedTicketOrPastItsDayIsNotAttached() {
        store.signs = true;
        String forged = EvidenceKeys.uploadPrefix(ref("ganyu", "ganyu-report-1"), "forgedUploadId01") + "a.pdf";
        store.posted(forged, PDF);
        assertThat(evidence.confirmUpload(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", null, forged))
                .isInstanceOf(Outcome.NotFound.class);
        assertThat(records.files(ref("ganyu", "ganyu-report-1"))).isEmpty();

        var issued = (Outcome.Done<AttachEvidence.UploadForm>) evidence.uploadForm(TwoUnitPlan.PLAN, GANYU, "1.1",
                "ganyu-report-1", id -> URI.create("https://x.example/" + id));
        String key = EvidenceKeys.uploadPrefix(ref("ganyu", "ganyu-report-1"), issued.value().uploadId()) + "b.pdf";
        store.posted(key, PDF);
        var nextDay = new AttachEvidence(store, records, progress,
                Clock.fixed(NOW.plus(EvidenceRules.UNATTACHED_AFTER).plusSeconds(1), ZoneOffset.UTC));
        assertThat(nextDay.confirmUpload(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", null, key))
                .isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void theCleanupDeletesOnlyOrphansAndGivesTheirSlotsBack() {
        ReportRef own = ref("ganyu", "ganyu-report-1");
        evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", List.of(upload("a.pdf", PDF)));
        String orphan = EvidenceKeys.storageKey(own, "crashedBeforeRec", EvidenceType.PDF);
        store.posted(orphan, PDF);
        records.reserve(own, java.util.Set.of("crashedBeforeRec"), java.util.Set.of(), 10);
        store.posted("evidence/2026/1.1/ganyu/ganyu-report-1/upload-x/../../../donghai/y.pdf", PDF); // not ours
        assertThat(evidence.cleanUpUnattached(Duration.ofHours(24))).isZero();
        var later = new AttachEvidence(store, records, progress, Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        assertThat(later.cleanUpUnattached(Duration.ofHours(24))).isEqualTo(1);
        assertThat(later.cleanUpUnattached(Duration.ofHours(24))).as("a second run").isZero();
        assertThat(store.objects).hasSize(2).doesNotContainKey(orphan);
        assertThat(records.slots.get(own)).hasSize(1);
    }

    @Test
    void downloadsNeedTheReportsUnitOrACoordinatorAndWellFormedIds() {
        var done = (Outcome.Done<List<EvidenceFile>>) evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1",
                List.of(upload("a.pdf", PDF)));
        String fileId = done.value().get(0).fileId();
        assertThat(evidence.download(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu", "ganyu-report-1", fileId)).isPresent();
        assertThat(evidence.download(TwoUnitPlan.PLAN, COORDINATOR, "1.1", "ganyu", "ganyu-report-1", fileId)).isPresent();
        assertThat(evidence.download(TwoUnitPlan.PLAN, DONGHAI, "1.1", "ganyu", "ganyu-report-1", fileId)).isEmpty();
        store.touched.clear();
        assertThat(evidence.download(TwoUnitPlan.PLAN, COORDINATOR, "1.1", "ganyu", "ganyu-report-1/..", fileId)).isEmpty();
        assertThat(evidence.download(TwoUnitPlan.PLAN, COORDINATOR, "1.1", "ganyu", "ganyu-report-1", fileId + "/..")).isEmpty();
        assertThat(store.touched).isEmpty();
    }
    @Test
    void aResubmissionCarriesOverOnlyTheCallersOwnFilesOnceAndWithinTheCap() {
        var first = (Outcome.Done<List<EvidenceFile>>) evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1",
                List.of(upload("现场.jpg", JPEG), upload("批复.pdf", PDF)));
        List<String> ids = first.value().stream().map(EvidenceFile::fileId).toList();
        report("ganyu", "ganyu-report-2");

        // Another unit naming ganyu's files, an id that is not one of the report's, the report itself: refused, untouched.
        store.touched.clear();
        assertThat(evidence.carryOver(TwoUnitPlan.PLAN, DONGHAI, "1.1", "ganyu-report-1", "donghai-report-1", ids))
                .isInstanceOf(Outcome.Invalid.class);
        assertThat(evidence.carryOver(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", "ganyu-report-2",
                List.of(ids.get(0), "AAAAAAAAAAAAAAAA"))).isInstanceOf(Outcome.Invalid.class);
        assertThat(evidence.carryOver(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", "ganyu-report-1", ids))
                .isInstanceOf(Outcome.Invalid.class);
        assertThat(evidence.previousFiles(TwoUnitPlan.PLAN, DONGHAI, "1.1", "ganyu-report-1", ids))
                .isInstanceOf(Outcome.Invalid.class);
        assertThat(store.touched).isEmpty();
        assertThat(records.files(ref("donghai", "donghai-report-1"))).isEmpty();

        // The owner: copies under the new report's key, same ids and names; a retry adds nothing.
        var carried = evidence.carryOver(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", "ganyu-report-2", ids);
        assertThat(carried).isInstanceOf(Outcome.Done.class);
        List<EvidenceFile> now = records.files(ref("ganyu", "ganyu-report-2"));
        assertThat(now).extracting(EvidenceFile::fileId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(now).extracting(EvidenceFile::displayName).containsExactlyInAnyOrder("现场.jpg", "批复.pdf");
        assertThat(now).allMatch(f -> f.storageKey().startsWith("evidence/2026/1.1/ganyu/ganyu-report-2/")
                && store.objects.containsKey(f.storageKey()));
        assertThat(evidence.carryOver(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", "ganyu-report-2", ids))
                .isEqualTo(new Outcome.Done<>(((Outcome.Done<List<EvidenceFile>>) carried).value(), true));
        assertThat(records.files(ref("ganyu", "ganyu-report-2"))).hasSize(2);
        assertThat(store.objects).hasSize(4);
        assertThat(records.files(ref("ganyu", "ganyu-report-1"))).as("the returned report keeps its files").hasSize(2);

        // The cap: a new report already holding nine files cannot take two more; nothing is copied.
        report("ganyu", "ganyu-report-3");
        List<EvidenceRules.Upload> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(upload("f" + i + ".pdf", pdf(500 + i)));
        }
        assertThat(evidence.attach(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-3", nine)).isInstanceOf(Outcome.Done.class);
        int objects = store.objects.size();
        assertThat(evidence.carryOver(TwoUnitPlan.PLAN, GANYU, "1.1", "ganyu-report-1", "ganyu-report-3", ids))
                .isEqualTo(new Outcome.Invalid<>(List.of(EvidenceRules.tooMany(9))));
        assertThat(store.objects).hasSize(objects);
        assertThat(records.files(ref("ganyu", "ganyu-report-3"))).hasSize(9);
    }
}
