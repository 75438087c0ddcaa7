package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository.SubmissionCount;
import cn.lyg.xilian.core.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission's credential check and rate count in one conditional UpdateItem on the credential item (issue 25
 * item 4; infra/dynamodb/TABLE.md), against dynalite: the limit at its boundary, the minute's end, revoked, expired
 * and unknown credentials, concurrent submitters, the calls each case costs, and old credential items.
 */
class DynamoSubmissionCountTest {

    @RegisterExtension
    static final TestTable table = TestTable.perClass();

    private static final int LIMIT = 60;
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static DynamoDbClient counting;
    private static DynamoCredentialRepository credentials;
    private static int issued;

    @BeforeAll
    static void countingClient() {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                CALLS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        counting = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(DynamoDbClientFactory.timeouts(table.settings).toBuilder()
                        .addExecutionInterceptor(recorder).build())
                .region(Region.of(table.settings.region()))
                .endpointOverride(table.settings.endpointOverride().orElseThrow()).build();
        credentials = new DynamoCredentialRepository(counting, table.settings);
    }

    @AfterAll
    static void close() {
        counting.close();
    }

    private static final Instant ISSUED = Instant.parse("2026-06-01T00:00:00Z");

    private static String issue(Instant expiresAt) {
        String hash = "%064x".formatted(++issued);
        credentials.create(new Credential(hash, Role.UNIT, "ganyu", ISSUED, expiresAt, null));
        return hash;
    }

    private static <T> T calls(List<String> expected, Callable<T> action) throws Exception {
        CALLS.clear();
        T result = action.call();
        assertThat(CALLS).as("DynamoDB calls").containsExactlyElementsOf(expected);
        return result;
    }

    @Test
    void theSixtiethSubmissionOfAMinuteIsCountedInOneCallAndTheSixtyFirstIsRefused() throws Exception {
        String hash = issue(ISSUED.plus(Duration.ofDays(30)));
        Instant minute = Instant.parse("2026-06-02T08:01:00Z");
        for (int i = 0; i < LIMIT; i++) {
            Instant at = minute.plusMillis(i * 999L);
            SubmissionCount c = calls(List.of("UpdateItem"), () -> credentials.countSubmission(hash, at, LIMIT));
            assertThat(c.counted()).as("submission %d", i + 1).isTrue();
            assertThat(c.stored().orElseThrow().unitId()).isEqualTo("ganyu");
        }
        assertThat(rateAttributes(hash)).containsExactlyInAnyOrderEntriesOf(Map.of("rate01", "60",
                "rateMinute", "2026-06-02T08:01"));
        SubmissionCount refused = calls(List.of("UpdateItem", "GetItem"),
                () -> credentials.countSubmission(hash, minute.plusMillis(59_999), LIMIT));
        assertThat(refused.counted()).isFalse();
        assertThat(refused.stored()).hasValueSatisfying(c -> assertThat(c.revoked() || c.expiredAt(minute)).isFalse());
        assertThat(rateAttributes(hash)).containsEntry("rate01", "60");

        // The next minute starts at 1 in one call, and the last minute's attribute is gone.
        SubmissionCount next = calls(List.of("UpdateItem"),
                () -> credentials.countSubmission(hash, minute.plusSeconds(60), LIMIT));
        assertThat(next.counted()).isTrue();
        assertThat(rateAttributes(hash)).containsExactlyInAnyOrderEntriesOf(Map.of("rate02", "1",
                "rateMinute", "2026-06-02T08:02"));
    }

    @Test
    void theSameMinuteOfALaterHourStartsAfreshWithOneMoreWrite() throws Exception {
        String hash = issue(ISSUED.plus(Duration.ofDays(30)));
        Instant minute = Instant.parse("2026-06-02T08:01:30Z");
        for (int i = 0; i < LIMIT; i++) {
            assertThat(credentials.countSubmission(hash, minute, LIMIT).counted()).isTrue();
        }
        // 09:01: the attribute rate01 still holds 08:01's 60 (nothing in between removed it)
        SubmissionCount c = calls(List.of("UpdateItem", "GetItem", "UpdateItem"),
                () -> credentials.countSubmission(hash, minute.plus(Duration.ofHours(1)), LIMIT));
        assertThat(c.counted()).isTrue();
        assertThat(rateAttributes(hash)).containsExactlyInAnyOrderEntriesOf(Map.of("rate01", "1",
                "rateMinute", "2026-06-02T09:01"));
        assertThat(credentials.countSubmission(hash, minute.plus(Duration.ofHours(1)), LIMIT).counted()).isTrue();
        assertThat(rateAttributes(hash)).containsEntry("rate01", "2");
    }

    @Test
    void revokedExpiredAndUnknownCredentialsAreNotCountedAndCostTheSameCalls() throws Exception {
        Instant now = Instant.parse("2026-06-02T08:01:00Z");
        String revoked = issue(ISSUED.plus(Duration.ofDays(30)));
        credentials.revoke(revoked, now.minusSeconds(1));
        String expiring = issue(now.plusMillis(1));
        String unknown = "%064x".formatted(999_999);

        List<String> refusal = List.of("UpdateItem", "GetItem");
        SubmissionCount r = calls(refusal, () -> credentials.countSubmission(revoked, now, LIMIT));
        assertThat(r.counted()).isFalse();
        assertThat(r.stored().orElseThrow().revoked()).isTrue();
        // Live until the millisecond of its expiry, refused from it on (Credential.expiredAt).
        assertThat(calls(List.of("UpdateItem"), () -> credentials.countSubmission(expiring, now, LIMIT)).counted())
                .isTrue();
        SubmissionCount e = calls(refusal, () -> credentials.countSubmission(expiring, now.plusMillis(1), LIMIT));
        assertThat(e.counted()).isFalse();
        assertThat(e.stored().orElseThrow().expiredAt(now.plusMillis(1))).isTrue();
        SubmissionCount u = calls(refusal, () -> credentials.countSubmission(unknown, now, LIMIT));
        assertThat(u).isEqualTo(new SubmissionCount(false, java.util.Optional.empty()));
        assertThat(credentials.find(unknown)).as("the failed update created nothing").isEmpty();
        assertThat(rateAttributes(revoked)).isEmpty();
    }

    @Test
    void twoThreadsTogetherNeverPassTheLimit() throws Exception {
        String hash = issue(ISSUED.plus(Duration.ofDays(30)));
        Instant now = Instant.parse("2026-06-02T10:20:00Z");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> threads = List.of(0, 1).stream().map(t -> pool.submit(() -> {
                go.await();
                int counted = 0;
                for (int i = 0; i < LIMIT; i++) {
                    counted += credentials.countSubmission(hash, now.plusMillis(i), LIMIT).counted() ? 1 : 0;
                }
                return counted;
            })).toList();
            go.countDown();
            int total = 0;
            for (Future<Integer> f : threads) {
                total += f.get();
            }
            assertThat(total).isEqualTo(LIMIT);
        } finally {
            pool.shutdown();
        }
        assertThat(rateAttributes(hash)).containsEntry("rate20", String.valueOf(LIMIT));
    }

    /** An item as stored before the count existed reads as before, is counted, and only gains the count's attributes. */
    @Test
    void anOldCredentialItemIsCountedAndReadsAsBefore() throws IOException {
        String line = fixtureCredential();
        Map<String, AttributeValue> old = StoredItemsJson.item(line);
        table.client.putItem(b -> b.tableName(table.settings.tableName()).item(old));
        String hash = old.get("hash").s();
        Credential before = credentials.find(hash).orElseThrow();
        Instant now = Instant.parse("2026-11-24T12:34:56Z"); // before the fixture's expiry
        assertThat(credentials.countSubmission(hash, now, LIMIT).counted()).isTrue();
        assertThat(credentials.find(hash)).hasValue(before);
        assertThat(credentials.list("ganyu")).contains(before);
        Map<String, AttributeValue> after = item(hash);
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(old.keySet().stream(), java.util.stream.Stream.of("rateMinute", "rate34"))
                        .toList());
        old.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
    }

    private static String fixtureCredential() throws IOException {
        try (var in = Objects.requireNonNull(DynamoSubmissionCountTest.class.getResourceAsStream("/stored-items.jsonl"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("\"pk\":{\"S\":\"CRED#") && l.contains("\"unitId\""))
                    .findFirst().orElseThrow();
        }
    }

    private static Map<String, AttributeValue> item(String hash) {
        return table.client.getItem(b -> b.tableName(table.settings.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(Keys.credentialPk(hash)),
                        "sk", AttributeValue.fromS(Keys.CREDENTIAL)))).item();
    }

    /** The count's attributes of the credential item: name → value (N or S) as text. */
    private static Map<String, String> rateAttributes(String hash) {
        return item(hash).entrySet().stream().filter(e -> e.getKey().startsWith("rate"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().n() != null ? e.getValue().n()
                        : e.getValue().s()));
    }
}
