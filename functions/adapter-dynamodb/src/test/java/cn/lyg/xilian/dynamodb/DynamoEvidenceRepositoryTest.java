package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.EvidenceRepository;
import cn.lyg.xilian.core.evidence.EvidenceType;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.core.evidence.UploadTicket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence tickets, slots and files on dynalite; each test on its own report. */
class DynamoEvidenceRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    @RegisterExtension
    static final TestTable table = TestTable.perClass();
    private static DynamoEvidenceRepository evidence;

    @BeforeAll
    static void repository() {
        evidence = new DynamoEvidenceRepository(table.client, table.settings);
    }

    private static ReportRef report(String key) {
        return new ReportRef(2026, "1.2", "lianyun", key);
    }

    @Test
    void aTicketIsBoundToItsReportAndClaimedByOneObjectOnly() {
        ReportRef own = report("ticket-report-1");
        evidence.issue(new UploadTicket(own, "AbCdEf0123456789", T0, null));
        evidence.issue(new UploadTicket(own, "AbCdEf0123456789", T0.plusSeconds(5), "late.pdf")); // a retry: no change
        assertThat(evidence.ticket(own, "AbCdEf0123456789")).contains(new UploadTicket(own, "AbCdEf0123456789", T0, null));
        assertThat(evidence.ticket(report("other-report-1"), "AbCdEf0123456789")).isEmpty();
        assertThat(evidence.ticket(new ReportRef(2026, "1.2", "ganyu", "ticket-report-1"), "AbCdEf0123456789")).isEmpty();

        assertThat(evidence.claim(own, "AbCdEf0123456789", "说明.pdf")).isEqualTo(EvidenceRepository.Claim.CLAIMED);
        assertThat(evidence.claim(own, "AbCdEf0123456789", "说明.pdf")).as("a retry").isEqualTo(EvidenceRepository.Claim.CLAIMED);
        assertThat(evidence.claim(own, "AbCdEf0123456789", "别的.pdf")).isEqualTo(EvidenceRepository.Claim.TAKEN);
        assertThat(evidence.claim(own, "ZZZZZZZZZZZZZZZZ", "说明.pdf")).isEqualTo(EvidenceRepository.Claim.MISSING);
        assertThat(evidence.ticket(own, "ZZZZZZZZZZZZZZZZ")).as("a claim never creates a ticket").isEmpty();
        assertThat(evidence.ticket(own, "AbCdEf0123456789").orElseThrow().claimedName()).isEqualTo("说明.pdf");
    }

    @Test
    void slotsNeverExceedTheLimitWhenTenRequestsOfTenRace() throws Exception {
        ReportRef own = report("race-report-1");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                ids.add(String.format("req%02dfile%08d", r, i));
            }
            answers.add(pool.submit(() -> {
                start.await();
                return evidence.reserve(own, ids, Set.of(), 10);
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> a : answers) {
            won += a.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(slots(own)).hasSize(10);
    }

    @Test
    void aRetryReservesNothingNewAndReleasedSlotsCanBeTakenAgain() {
        ReportRef own = report("retry-report-1");
        Set<String> nine = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            nine.add("nine000000000000".substring(0, 15) + i);
        }
        assertThat(evidence.reserve(own, nine, Set.of(), 10)).isTrue();
        assertThat(evidence.reserve(own, Set.of("tenth00000000000"), Set.of(), 10)).isTrue();
        assertThat(evidence.reserve(own, Set.of("tenth00000000000"), Set.of(), 10)).as("a retry of the same id").isTrue();
        assertThat(evidence.reserve(own, Set.of("eleventh00000000"), Set.of(), 10)).isFalse();
        evidence.release(own, Set.of("tenth00000000000"));
        assertThat(evidence.reserve(own, Set.of("eleventh00000000"), Set.of(), 10)).isTrue();
        assertThat(slots(own)).hasSize(10).contains("eleventh00000000").doesNotContain("tenth00000000000");
    }

    @Test
    void aReportWithFilesRecordedBeforeSlotsExistedStartsFromThem() {
        ReportRef own = report("legacy-report-1");
        Set<String> recorded = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            String id = "legacy0000000000".substring(0, 15) + i;
            recorded.add(id);
            evidence.recordFile(new EvidenceFile(2026, "1.2", "lianyun", own.reportKey(), id, "旧.pdf", EvidenceType.PDF,
                    10, EvidenceKeys.storageKey(own, id, EvidenceType.PDF), T0));
        }
        assertThat(evidence.files(own)).hasSize(9);
        assertThat(evidence.reserve(own, Set.of("new0000000000001", "new0000000000002"), recorded, 10)).isFalse();
        assertThat(evidence.reserve(own, Set.of("new0000000000001"), recorded, 10)).isTrue();
        assertThat(slots(own)).hasSize(10).containsAll(recorded);
    }

    private static Set<String> slots(ReportRef r) {
        Map<String, AttributeValue> item = table.client.getItem(b -> b.tableName(table.settings.tableName())
                .consistentRead(true).key(Conditions.key(Keys.supervisionPk(r.year(), r.taskId()),
                        Keys.slotsSk(r.unitId(), r.reportKey())))).item();
        return new HashSet<>(item.get("fileIds").ss());
    }
}
