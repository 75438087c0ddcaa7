package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.Session;
import cn.lyg.xilian.core.progress.HistoryPage;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions, submission counters and history pages against dynalite (infra/dynamodb/TABLE.md). */
class DynamoSessionAndHistoryPageTest {

    @RegisterExtension
    static final TestTable table = TestTable.perClass();

    @Test
    void sessionsAreCreatedOnceTouchedForwardAndDeletedForGood() {
        DynamoSessionRepository sessions = new DynamoSessionRepository(table.client, table.settings);
        Instant t0 = Instant.parse("2026-06-01T00:00:00.123Z");
        Session s = new Session("a".repeat(64), "c".repeat(64), t0, t0);
        sessions.create(s, t0.plusSeconds(3600));
        assertThat(sessions.find(s.idHash())).hasValue(s);
        assertThatThrownBy(() -> sessions.create(s, t0)).isInstanceOf(ConditionalCheckFailedException.class);

        sessions.touch(s.idHash(), t0.plusSeconds(600));
        sessions.touch(s.idHash(), t0.plusSeconds(300)); // late and older: ignored
        assertThat(sessions.find(s.idHash()).orElseThrow().lastSeenAt()).isEqualTo(t0.plusSeconds(600));

        sessions.delete(s.idHash());
        sessions.delete(s.idHash()); // idempotent
        sessions.touch(s.idHash(), t0.plusSeconds(900)); // a request racing the sign-out must not revive it
        assertThat(sessions.find(s.idHash())).isEmpty();
    }

    @Test
    void counterCountsPerSubjectAndMinute() {
        DynamoRateCounter counter = new DynamoRateCounter(table.client, table.settings);
        Instant minute = Instant.parse("2026-06-01T08:01:00Z");
        assertThat(counter.increment("x", minute)).isEqualTo(1);
        assertThat(counter.increment("x", minute)).isEqualTo(2);
        assertThat(counter.increment("y", minute)).isEqualTo(1);
        assertThat(counter.increment("x", minute.plusSeconds(60))).isEqualTo(1);
    }

    @Test
    void historyPagesAreNewestFirstBoundedAndScopedToTheTaskAndUnit() {
        DynamoProgressRepository progress = table.progress();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<Submission> mine = new ArrayList<>();
        IntStream.range(0, 23).forEach(i -> {
            // two reports share each second from i = 10 on: the key breaks the tie
            Instant at = start.plusSeconds(i < 10 ? i : 10 + (i - 10) / 2);
            Submission s = sub("1.2", "ganyu", "k%02d".formatted(i), at);
            progress.record(s);
            mine.add(s);
        });
        progress.record(sub("1.2", "donghai", "other-unit", start.plusSeconds(99)));
        progress.record(sub("1.20", "ganyu", "other-task", start.plusSeconds(99)));

        List<String> seen = new ArrayList<>();
        HistoryPage.Cursor cursor = null;
        do {
            HistoryPage page = progress.historyPage(2026, "1.2", "ganyu", cursor, 5);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            page.items().forEach(s -> seen.add(s.idempotencyKey()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(mine.stream().sorted(HistoryPage.NEWEST_FIRST)
                .map(Submission::idempotencyKey).toList());

        HistoryPage across = progress.historyPage(2026, "1.2", List.of("ganyu", "donghai"), null, 3);
        assertThat(across.items()).extracting(Submission::idempotencyKey).containsExactly("other-unit", "k22", "k21");
    }

    private static Submission sub(String task, String unit, String key, Instant at) {
        return SubmissionBuilder.submission(task, unit).key(key).percent(10).at(at).build();
    }
}
