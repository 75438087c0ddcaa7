package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Every method of {@link DynamoDigestRepository} against dynalite; each test uses its own plan year. */
class DynamoDigestRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00.123456Z");
    private static final ReportWeek W47 = ReportWeek.parse("2026-W47");
    @RegisterExtension
    static final TestTable table = TestTable.perClass();
    private static DynamoDigestRepository digests;

    @BeforeAll
    static void repositories() {
        digests = new DynamoDigestRepository(table.client, table.settings);
    }

    @Test
    void aClaimCreatesAPendingRecordOnceAndRepeatedClaimsReturnTheStoredOne() {
        DigestRecord first = digests.claim(2040, W47, "coordinators", NOW);
        DigestRecord again = digests.claim(2040, W47, "coordinators", NOW.plusSeconds(3600));

        assertThat(first.sent()).isFalse();
        assertThat(first.generation()).isZero();
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-11-23T01:00:00.123Z"));
        assertThat(again).isEqualTo(first); // the first claim's time, not the second's
        assertThat(pendingIndex(2040)).containsExactly("DIGEST#2026-W47#coordinators");

        digests.markSent(2040, W47, "coordinators", "weekly-2026-W47-coordinators-g0@x.cn", NOW.plusSeconds(5));
        DigestRecord afterSend = digests.claim(2040, W47, "coordinators", NOW.plusSeconds(7200));
        assertThat(afterSend.sent()).isTrue();
        assertThat(afterSend.messageId()).isEqualTo("weekly-2026-W47-coordinators-g0@x.cn");
        assertThat(afterSend.sentAt()).isEqualTo(Instant.parse("2026-11-23T01:00:05.123Z"));
        assertThat(pendingIndex(2040)).isEmpty();
    }

    @Test
    void concurrentClaimsOfOneRecipientAllSeeOneRecord() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<DigestRecord>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Instant at = NOW.plusSeconds(i);
                claims.add(() -> digests.claim(2041, W47, "unit:ganyu", at));
            }
            List<DigestRecord> seen = new ArrayList<>();
            for (Future<DigestRecord> f : pool.invokeAll(claims)) {
                seen.add(f.get());
            }
            assertThat(seen).hasSize(8).allSatisfy(r -> assertThat(r).isEqualTo(seen.getFirst()));
            assertThat(digests.ofWeek(2041, W47)).containsExactly(seen.getFirst());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void markSentIsIdempotentKeepsTheFirstDeliveryAndNeverCreatesARecord() {
        digests.claim(2042, W47, "unit:ganyu", NOW);
        digests.markSent(2042, W47, "unit:ganyu", "m-1@x.cn", NOW.plusSeconds(1));
        digests.markSent(2042, W47, "unit:ganyu", "m-2@x.cn", NOW.plusSeconds(2)); // a repeat

        assertThat(digests.ofWeek(2042, W47)).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo("m-1@x.cn");
            assertThat(r.sentAt()).isEqualTo(Instant.parse("2026-11-23T01:00:01.123Z"));
        });
        digests.markSent(2042, W47, "unit:fgw", "m-3@x.cn", NOW);
        assertThat(digests.ofWeek(2042, W47)).extracting(DigestRecord::recipientId).containsExactly("unit:ganyu");
    }

    /** The group-chat state is the record's own: independent of the mail's, idempotent, reopened with it. */
    @Test
    void chatSentIsItsOwnStateKeptOnceAndReopenedByAReSend() {
        digests.claim(2048, W47, "coordinators", NOW);
        digests.markChatSent(2048, W47, "coordinators", NOW.plusSeconds(1));
        digests.markChatSent(2048, W47, "coordinators", NOW.plusSeconds(2));
        digests.markChatSent(2048, W47, "unit:nobody", NOW); // never creates a record

        DigestRecord chatOnly = digests.claim(2048, W47, "coordinators", NOW.plusSeconds(3));
        assertThat(chatOnly.chatSentAt()).isEqualTo(Instant.parse("2026-11-23T01:00:01.123Z"));
        assertThat(chatOnly.sent()).as("the mail is still pending").isFalse();
        assertThat(pendingIndex(2048)).containsExactly("DIGEST#2026-W47#coordinators");

        digests.markSent(2048, W47, "coordinators", "m@x.cn", NOW.plusSeconds(4));
        assertThat(digests.ofWeek(2048, W47)).singleElement().satisfies(r -> {
            assertThat(r.sent()).isTrue();
            assertThat(r.chatSent()).isTrue();
        });

        assertThat(digests.reopen(2048, W47)).isEqualTo(1);
        assertThat(digests.ofWeek(2048, W47)).singleElement().satisfies(r -> {
            assertThat(r.sent()).isFalse();
            assertThat(r.chatSent()).as("an admin re-send goes to the robot again too").isFalse();
        });
    }

    @Test
    void ofWeekListsTheWeeksRecordsOnlyAndNotTheSnapshot() {
        digests.claim(2043, W47, "unit:ganyu", NOW);
        digests.claim(2043, W47, "coordinators", NOW);
        digests.claim(2043, W47.previous(), "coordinators", NOW);
        digests.saveSnapshotIfAbsent(2043, W47, new StatusSnapshot(Map.of("1.1#ganyu", ProgressStatus.DONE)));

        assertThat(digests.ofWeek(2043, W47)).extracting(DigestRecord::recipientId)
                .containsExactly("coordinators", "unit:ganyu");
        assertThat(digests.ofWeek(2043, W47)).allSatisfy(r -> assertThat(r.weekId()).isEqualTo("2026-W47"));
        assertThat(digests.ofWeek(2043, ReportWeek.parse("2026-W40"))).isEmpty();
    }

    @Test
    void reopenMakesSentRecordsPendingOneGenerationLaterAndLeavesPendingOnesAlone() {
        digests.claim(2044, W47, "coordinators", NOW);
        digests.claim(2044, W47, "unit:ganyu", NOW);
        digests.claim(2044, W47, "unit:fgw", NOW); // its send failed: stays pending, generation 0
        digests.markSent(2044, W47, "coordinators", "c-g0@x.cn", NOW);
        digests.markSent(2044, W47, "unit:ganyu", "g-g0@x.cn", NOW);

        assertThat(digests.reopen(2044, W47)).isEqualTo(2);

        Map<String, DigestRecord> byRecipient = new java.util.TreeMap<>();
        digests.ofWeek(2044, W47).forEach(r -> byRecipient.put(r.recipientId(), r));
        assertThat(byRecipient.get("coordinators")).satisfies(r -> {
            assertThat(r.sent()).isFalse();
            assertThat(r.generation()).isEqualTo(1);
            assertThat(r.messageId()).isNull();
            assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-11-23T01:00:00.123Z"));
        });
        assertThat(byRecipient.get("unit:ganyu").generation()).isEqualTo(1);
        assertThat(byRecipient.get("unit:fgw").generation()).isZero();
        assertThat(pendingIndex(2044)).containsExactly("DIGEST#2026-W47#coordinators", "DIGEST#2026-W47#unit:fgw",
                "DIGEST#2026-W47#unit:ganyu");
        // A claim now returns the reopened record, so the run sends it with the new generation.
        assertThat(digests.claim(2044, W47, "coordinators", NOW).generation()).isEqualTo(1);
        // A second re-send before anything went out reopens nothing more.
        assertThat(digests.reopen(2044, W47)).isZero();

        digests.markSent(2044, W47, "coordinators", "c-g1@x.cn", NOW.plusSeconds(60));
        assertThat(digests.reopen(2044, W47)).isEqualTo(1);
        assertThat(digests.claim(2044, W47, "coordinators", NOW).generation()).isEqualTo(2);
        Map<String, AttributeValue> raw = table.client.getItem(GetItemRequest.builder()
                .tableName(table.settings.tableName()).consistentRead(true)
                .key(Conditions.key(Keys.digestPk(2044, "2026-W47"), "coordinators")).build()).item();
        assertThat(raw).doesNotContainKeys("sentAt", "messageId").containsKeys("gsi2pk", "gsi2sk");
    }

    @Test
    void theFirstSnapshotOfAWeekIsKept() {
        assertThat(digests.snapshot(2045, W47)).isEmpty();
        StatusSnapshot first = new StatusSnapshot(Map.of("1.1#ganyu", ProgressStatus.DONE,
                "3.1.2#fgw", ProgressStatus.BLOCKED));
        digests.saveSnapshotIfAbsent(2045, W47, first);
        digests.saveSnapshotIfAbsent(2045, W47, new StatusSnapshot(Map.of("1.1#ganyu", ProgressStatus.BEHIND)));

        assertThat(digests.snapshot(2045, W47)).contains(first);
        assertThat(digests.snapshot(2045, W47.previous())).isEmpty();

        digests.saveSnapshotIfAbsent(2045, W47.previous(), new StatusSnapshot(Map.of()));
        assertThat(digests.snapshot(2045, W47.previous())).contains(new StatusSnapshot(Map.of()));
    }

    /** The sparse gsi2 sort keys of the year's pending digests. */
    private static List<String> pendingIndex(int year) {
        return table.client.query(QueryRequest.builder().tableName(table.settings.tableName())
                        .indexName(TableDefinition.GSI2)
                        .keyConditionExpression("gsi2pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.pendingPk(year))))
                        .build())
                .items().stream().map(i -> i.get("gsi2sk").s()).sorted().toList();
    }
}
