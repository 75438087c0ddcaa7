package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository.RecordResult;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test works in its own plan year, so tests stay independent on the class's table. */
class DynamoProgressRepositoryTest {

    @RegisterExtension
    static final TestTable table = TestTable.perClass();
    private static DynamoCatalogRepository catalog;
    private static DynamoProgressRepository progress;

    @BeforeAll
    static void repositories() {
        catalog = table.catalog();
        progress = table.progress();
    }

    @Test
    void theHistoryCountCountsEverySubmissionOnceIncludingLateOnesAndNotReplays() {
        int year = loadPlanIn(2209);
        Submission first = at(year, "1.2", "ganyu", "first", "2026-11-20T01:00:00Z");
        Submission second = at(year, "1.2", "ganyu", "second", "2026-11-21T01:00:00Z");
        Submission late = at(year, "1.2", "ganyu", "late", "2026-11-19T01:00:00Z"); // older than the latest
        assertThat(TestTable.state(progress, year, "1.2", "ganyu").orElseThrow().submissions()).isZero();
        List.of(first, second, late).forEach(progress::record);
        assertThat(progress.record(second)).as("a retry").isInstanceOf(RecordResult.KeyTaken.class);

        TaskUnitState state = TestTable.state(progress, year, "1.2", "ganyu").orElseThrow();
        assertThat(state.latest()).isEqualTo(second);
        assertThat(state.submissions()).isEqualTo(3).isEqualTo(progress.historyOfTaskUnit(year, "1.2", "ganyu").size());
        assertThat(progress.allStates(year)).filteredOn(s -> s.taskId().equals("1.2") && s.unitId().equals("ganyu"))
                .singleElement().extracting(TaskUnitState::submissions).isEqualTo(3);
    }

    @Test
    void everyReadPatternServesTheStoredSubmissions() {
        int year = loadPlanIn(2201);
        // Monday 2026-11-23 00:00 Shanghai = 2026-11-22T16:00Z separates W47 from W48.
        Submission a = at(year, "1.2", "ganyu", "a", "2026-11-20T01:00:00Z");      // W47
        Submission b = at(year, "1.2", "ganyu", "b", "2026-11-22T16:00:00Z");      // W48, first instant
        Submission c = at(year, "1.2", "donghai", "c", "2026-11-23T08:00:00Z");    // W48
        Submission d = at(year, "3.1.1", "ganyu", "d", "2026-11-24T08:00:00Z");    // W48
        Submission e = at(year, "3.1.1", "fgw", "e", "2026-12-02T08:00:00Z");      // W49
        List.of(a, b, c, d, e).forEach(s -> assertThat(progress.record(s)).isInstanceOf(RecordResult.Stored.class));

        // units by task, with latest status
        assertThat(progress.statesOfTask(year, "1.2"))
                .extracting(TaskUnitState::unitId, s -> s.latest().idempotencyKey())
                .containsExactlyInAnyOrder(tuple("ganyu", "b"), tuple("donghai", "c"));
        // tasks by unit
        assertThat(progress.statesOfUnit(year, "ganyu"))
                .extracting(TaskUnitState::taskId, s -> s.latest().idempotencyKey())
                .containsExactlyInAnyOrder(tuple("1.2", "b"), tuple("3.1.1", "d"));
        // every pair, reported or not
        List<TaskUnitState> all = progress.allStates(year);
        assertThat(all).hasSize(Fixtures.PAIRS);
        assertThat(all.stream().filter(TaskUnitState::reported).map(s -> s.latest().idempotencyKey()))
                .containsExactlyInAnyOrder("b", "c", "d", "e");
        // one pair
        assertThat(TestTable.state(progress, year, "1.2", "ganyu").orElseThrow().latest()).isEqualTo(b);
        assertThat(TestTable.state(progress, year, "1.1", "fgw").orElseThrow().reported()).isFalse();
        // history of a task, of a pair, a pair's page (the unit's index): newest first
        assertThat(progress.historyOfTask(year, "1.2")).containsExactly(c, b, a);
        assertThat(progress.historyOfTaskUnit(year, "1.2", "ganyu")).containsExactly(b, a);
        assertThat(progress.historyPage(year, "1.2", "ganyu", null, 10).items()).containsExactly(b, a);
        // replay lookup
        assertThat(progress.find(year, "3.1.1", "fgw", "e")).contains(e);
        // a week, and a range over three weeks: [from, to), oldest first
        assertThat(progress.submittedBetween(year, Instant.parse("2026-11-22T16:00:00Z"), Instant.parse("2026-11-29T16:00:00Z")))
                .containsExactly(b, c, d);
        assertThat(progress.submittedBetween(year, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z")))
                .containsExactly(a, b, c, d, e);
        assertThat(progress.submittedBetween(year, Instant.parse("2026-11-20T01:00:00Z"), Instant.parse("2026-11-23T08:00:00Z")))
                .as("from is inclusive, to exclusive").containsExactly(a, b);
        assertThat(progress.submittedBetween(year, Instant.parse("2026-11-20T01:00:00.000001Z"), Instant.parse("2026-11-23T08:00:00.000001Z")))
                .as("sub-millisecond bounds").containsExactly(b, c);
    }

    @Test
    void aReplayWithTheSameContentReturnsTheOriginal() {
        int year = loadPlanIn(2202);
        Submission original = at(year, "1.2", "ganyu", "k1", "2026-05-01T02:00:00.123456Z");
        RecordResult first = progress.record(original);
        // The client retries later: same form content, new server time, figures written differently.
        Submission retry = SubmissionBuilder.from(original).figures(Map.of("t1", new BigDecimal("3")))
                .at(Instant.parse("2026-05-01T02:05:00Z")).build();

        RecordResult second = progress.record(retry);

        assertThat(first).isInstanceOf(RecordResult.Stored.class);
        assertThat(first.submission().submittedAt()).isEqualTo(Instant.parse("2026-05-01T02:00:00.123Z"));
        assertThat(second).isInstanceOf(RecordResult.KeyTaken.class);
        assertThat(second.submission()).isEqualTo(first.submission());
        assertThat(progress.historyOfTask(year, "1.2")).containsExactly(first.submission());
        assertThat(TestTable.state(progress, year, "1.2", "ganyu").orElseThrow().latest()).isEqualTo(first.submission());
    }

    @Test
    void aUsedKeyWithOtherContentChangesNothingAndReturnsTheStoredOriginal() {
        int year = loadPlanIn(2203);
        Submission original = at(year, "1.2", "ganyu", "k1", "2026-05-01T02:00:00Z");
        progress.record(original);
        Submission different = Fixtures.submission("1.2", "ganyu", "k1", Instant.parse("2026-05-02T02:00:00Z"),
                ProgressStatus.DONE, "已完成");

        RecordResult result = progress.record(withYear(different, year));

        // Whether this is a reused key (409) is SubmitProgress's call: see SubmitProgressTest.
        assertThat(result).isInstanceOf(RecordResult.KeyTaken.class);
        assertThat(result.submission()).as("the stored original").isEqualTo(original);
        assertThat(progress.historyOfTask(year, "1.2")).containsExactly(original);
        assertThat(TestTable.state(progress, year, "1.2", "ganyu").orElseThrow().latest()).isEqualTo(original);
    }

    /** The state carries the pair's trail (one point per day, oldest first), so the board can project it. */
    @Test
    void theStateCarriesTheTrailUpToItsLatestReportIncludingLateOnes() {
        int year = loadPlanIn(2210);
        Submission w1 = percent(at(year, "1.2", "ganyu", "w1", "2026-09-01T01:00:00Z"), 10);
        Submission w3 = percent(at(year, "1.2", "ganyu", "w3", "2026-09-15T01:00:00Z"), 30);
        Submission w2 = percent(at(year, "1.2", "ganyu", "w2", "2026-09-08T01:00:00Z"), 20); // arrives late
        Submission w4 = percent(at(year, "1.2", "ganyu", "w4", "2026-09-22T01:00:00Z"), 40);
        List.of(w1, w3, w2, w4).forEach(progress::record);

        TaskUnitState state = TestTable.state(progress, year, "1.2", "ganyu").orElseThrow();
        assertThat(state.trail().points()).extracting(p -> p.date().toString() + "=" + p.percent())
                .containsExactly("2026-09-01=10", "2026-09-08=20", "2026-09-15=30", "2026-09-22=40");
        assertThat(cn.lyg.xilian.core.alert.Forecast.of(state).projected()).isEqualTo("2026-11-03");
    }

    private static Submission percent(Submission s, int percent) {
        return SubmissionBuilder.from(s).status(cn.lyg.xilian.core.progress.ProgressStatus.IN_PROGRESS, percent).build();
    }

    @Test
    void anOlderSubmissionArrivingLateDoesNotReplaceTheLatest() {
        int year = loadPlanIn(2204);
        Submission newer = at(year, "1.2", "ganyu", "new", "2026-05-02T02:00:00Z");
        Submission older = at(year, "1.2", "ganyu", "old", "2026-05-01T02:00:00Z");

        progress.record(newer);
        RecordResult late = progress.record(older);

        assertThat(late).isInstanceOf(RecordResult.Stored.class);
        assertThat(TestTable.state(progress, year, "1.2", "ganyu").orElseThrow().latest()).isEqualTo(newer);
        assertThat(progress.historyOfTaskUnit(year, "1.2", "ganyu")).containsExactly(newer, older);
    }

    @Test
    void atTheSameMillisecondTheGreaterKeyWinsWhateverTheOrder() {
        int year = loadPlanIn(2205);
        Submission keyB = at(year, "1.2", "ganyu", "b", "2026-05-01T02:00:00Z");
        Submission keyA = at(year, "1.2", "ganyu", "a", "2026-05-01T02:00:00Z");

        progress.record(keyB);
        progress.record(keyA);

        assertThat(TestTable.state(progress, year, "1.2", "ganyu").orElseThrow().latest()).isEqualTo(keyB);
    }

    @Test
    void aRetryAfterACrashBetweenTheTwoWritesCompletesTheState() {
        int year = loadPlanIn(2206);
        Submission submission = at(year, "3.1.1", "donghai", "k1", "2026-05-01T02:00:00Z");
        // Simulate the crash: only step 1 (the history item) happened.
        table.client.putItem(b -> b.tableName(table.settings.tableName())
                .item(SubmissionItem.SCHEMA.itemToMap(SubmissionItem.of(submission), true)));
        assertThat(TestTable.state(progress, year, "3.1.1", "donghai").orElseThrow().reported()).isFalse();

        RecordResult retry = progress.record(submission);

        assertThat(retry).isInstanceOf(RecordResult.KeyTaken.class);
        assertThat(TestTable.state(progress, year, "3.1.1", "donghai").orElseThrow().latest()).isEqualTo(submission);
    }

    @Test
    void concurrentSubmissionsAreAllStoredOnceAndTheNewestIsLatest() throws Exception {
        int year = loadPlanIn(2207);
        Plan plan = catalog.plan(year).orElseThrow();
        List<String[]> pairs = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            task.unitIds().forEach(unit -> pairs.add(new String[]{task.id(), unit}));
        }
        Random random = new Random(42);
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        List<Submission> distinct = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String[] pair = pairs.get(i % pairs.size());
            // Random times over four weeks, some on the same millisecond, so order of arrival ≠ time order.
            Instant time = base.plus(Duration.ofMinutes(random.nextInt(4 * 7 * 24 * 6) * 10L));
            distinct.add(at(year, pair[0], pair[1], "key-%03d".formatted(i), time.toString()));
        }
        List<Submission> requests = new ArrayList<>(distinct);
        requests.addAll(distinct.subList(0, 50)); // client retries, racing with the originals
        Collections.shuffle(requests, random);

        List<RecordResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<RecordResult>> futures = new ArrayList<>();
            for (Submission s : requests) {
                futures.add(pool.submit(() -> progress.record(s)));
            }
            for (Future<RecordResult> f : futures) {
                results.add(f.get());
            }
        }

        Map<Class<?>, Long> outcomes = results.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        assertThat(outcomes).containsOnly(Map.entry(RecordResult.Stored.class, 200L), Map.entry(RecordResult.KeyTaken.class, 50L));
        List<Submission> stored = plan.tasks().stream()
                .flatMap(t -> progress.historyOfTask(year, t.id()).stream()).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(distinct);
        assertThat(progress.submittedBetween(year, base, base.plus(Duration.ofDays(29))))
                .containsExactlyInAnyOrderElementsOf(distinct);

        Map<String, Submission> newestPerPair = new HashMap<>();
        for (Submission s : distinct) {
            newestPerPair.merge(s.taskId() + "/" + s.unitId(), s, (x, y) -> x.isNewerThan(y) ? x : y);
        }
        Map<String, Submission> latestPerPair = progress.allStates(year).stream()
                .collect(Collectors.toMap(s -> s.taskId() + "/" + s.unitId(), TaskUnitState::latest));
        assertThat(latestPerPair).isEqualTo(newestPerPair);
    }

    @Test
    void aLongHistoryLargerThanOnePageIsReadWhole() {
        int year = loadPlanIn(2208);
        String longProgress = "进".repeat(100_000); // ~300 KB per item, 5 items > one 1 MB page
        List<Submission> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Submission s = Fixtures.submission("1.2", "ganyu", "k" + i, Instant.parse("2026-05-01T02:00:00Z").plusSeconds(i),
                    ProgressStatus.IN_PROGRESS, longProgress);
            submitted.add(withYear(s, year));
            progress.record(submitted.get(i));
        }

        assertThat(progress.historyOfTask(year, "1.2")).hasSize(5);
        assertThat(progress.historyOfTaskUnit(year, "1.2", "ganyu")).hasSize(5);
        assertThat(progress.submittedBetween(year, Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-02T00:00:00Z")))
                .containsExactlyElementsOf(submitted);
    }

    private static int loadPlanIn(int year) {
        Plan plan = Fixtures.plan();
        catalog.load(PlanBuilder.from(plan).year(year).build());
        return year;
    }

    private static Submission at(int year, String taskId, String unitId, String key, String submittedAt) {
        return withYear(Fixtures.submission(taskId, unitId, key, submittedAt), year);
    }

    private static Submission withYear(Submission s, int year) {
        return SubmissionBuilder.from(s).year(year).build();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
