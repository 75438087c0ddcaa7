package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.HistoryPage;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressTrail;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Submission history ({@link SubmissionItem}) and (task, unit) states ({@link StateItem}), written without
 * transactions as infra/dynamodb/TABLE.md describes ("Writes without transactions"):
 * <ol>
 *   <li>conditional put of the history item {@code SUB#<unitId>#<key>} — the idempotency record; when the
 *   key is taken the stored item is read back and returned as it is;</li>
 *   <li>conditional update of the state item that only a newer submission (submittedAt, then key) passes.
 *   It is repeated on replays, so a crash between the two writes heals on the client's retry.</li>
 * </ol>
 * Idempotency is scoped to (task, unit, key): the history partition is per task.
 *
 * <p>State views return assigned pairs only (see {@link DynamoCatalogRepository} on removed pairs).
 */
public final class DynamoProgressRepository extends DynamoStore implements ProgressRepository {

    /** Newest first: later time, then the greater key, as {@link Submission#isNewerThan}. */
    static final Comparator<Submission> NEWEST_FIRST = Comparator.comparing(Submission::submittedAt)
            .thenComparing(Submission::idempotencyKey).reversed();

    private static final String ADVANCE_STATE = String.join(", ",
            "SET #latest = :latest", "#planYear = :planYear", "#taskId = :taskId", "#unitId = :unitId",
            "#gsi1pk = :gsi1pk", "#gsi1sk = :gsi1sk",
            // A submission for a pair the catalog does not (yet) assign creates a hidden state;
            // a later load assigns it. An existing flag is left alone.
            "#assigned = if_not_exists(#assigned, :unassigned)") + " ADD #counted :counted, #trail :point";
    /** A late submission (not the latest) still counts in the pair's history and its trajectory. */
    private static final String COUNT_ONLY = "ADD #counted :counted, #trail :point";
    private static final String ONLY_IF_NEWER = "attribute_not_exists(#latest)"
            + " OR #latest.#submittedAt < :submittedAt"
            + " OR (#latest.#submittedAt = :submittedAt AND #latest.#key < :key)";

    public DynamoProgressRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    /**
     * {@inheritDoc}
     * <p>The stored time is {@code submittedAt} truncated to milliseconds. When the key is taken the result
     * carries the stored original (the caller has its own candidate to compare).
     */
    @Override
    public RecordResult record(Submission submission) {
        Submission candidate = SubmissionData.withStoredPrecision(submission);
        if (!putIfAbsent(history(), SubmissionItem.of(candidate))) {
            Submission original = find(candidate.planYear(), candidate.taskId(), candidate.unitId(),
                    candidate.idempotencyKey())
                    .orElseThrow(() -> new IllegalStateException("History item " + candidate.idempotencyKey()
                            + " vanished: the history is append-only"));
            // Replay or reused key is the use case's call; completing the state is safe either way (the
            // stored original is a real submission, and the update only ever advances to a newer one).
            advanceState(original);
            return new RecordResult.KeyTaken(original);
        }
        advanceState(candidate);
        return new RecordResult.Stored(candidate);
    }

    /**
     * Makes {@code submission} the pair's latest unless the stored latest is newer or the same. Losing
     * the condition is the normal outcome for late or replayed submissions, not an error. Low-level: {@code ADD} to
     * the {@code counted} set and {@code if_not_exists} on the assignment flag.
     */
    private void advanceState(Submission submission) {
        // The report's point joins the pair's trail in the same update (a set: a replay adds nothing).
        AttributeValue point = AttributeValue.fromSs(List.of(StateItem.point(submission)));
        Map<String, AttributeValue> latest = SubmissionData.SCHEMA.itemToMap(SubmissionData.of(submission), true);
        Map<String, AttributeValue> key = Conditions.key(Keys.planPk(submission.planYear()),
                Keys.state(submission.taskId(), submission.unitId()));
        AttributeValue counted = AttributeValue.fromSs(List.of(submission.idempotencyKey()));
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(key)
                    .updateExpression(ADVANCE_STATE)
                    .conditionExpression(ONLY_IF_NEWER)
                    .expressionAttributeNames(pairs(
                            "#latest", StateItem.LATEST, "#planYear", SubmissionData.PLAN_YEAR,
                            "#taskId", SubmissionData.TASK_ID, "#unitId", SubmissionData.UNIT_ID,
                            "#gsi1pk", TableDefinition.GSI1_PK, "#gsi1sk", TableDefinition.GSI1_SK,
                            "#assigned", StateItem.ASSIGNED, "#submittedAt", SubmissionData.SUBMITTED_AT,
                            "#key", SubmissionData.IDEMPOTENCY_KEY, "#counted", StateItem.COUNTED,
                            "#trail", StateItem.TRAIL))
                    .expressionAttributeValues(pairs(
                            ":latest", AttributeValue.fromM(latest),
                            ":planYear", AttributeValue.fromN(Integer.toString(submission.planYear())),
                            ":taskId", Conditions.s(submission.taskId()),
                            ":unitId", Conditions.s(submission.unitId()),
                            ":gsi1pk", Conditions.s(Keys.unitIndexPk(submission.planYear(), submission.unitId())),
                            ":gsi1sk", Conditions.s(Keys.stateIndexSk(submission.taskId())),
                            ":unassigned", AttributeValue.fromBool(false),
                            ":submittedAt", latest.get(SubmissionData.SUBMITTED_AT),
                            ":key", Conditions.s(submission.idempotencyKey()),
                            ":counted", counted, ":point", point))
                    .build());
        } catch (ConditionalCheckFailedException newerOrSameAlreadyLatest) {
            // The state already shows this submission or a newer one; only the count may be missing it.
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(key)
                    .updateExpression(COUNT_ONLY)
                    .expressionAttributeNames(Map.of("#counted", StateItem.COUNTED, "#trail", StateItem.TRAIL))
                    .expressionAttributeValues(Map.of(":counted", counted, ":point", point))
                    .build());
        }
    }

    /** The stored submission under an idempotency key (replay lookup), with a consistent read. */
    @Override
    public Optional<Submission> find(int year, String taskId, String unitId, String idempotencyKey) {
        return get(history(), SubmissionItem.key(year, taskId, unitId, idempotencyKey)).map(SubmissionItem::submission);
    }

    @Override
    public List<TaskUnitState> statesOfTask(int year, String taskId) {
        return assignedStates(items(states().query(q -> q.consistentRead(true)
                .queryConditional(beginsWith(Keys.planPk(year), Keys.statesOfTaskPrefix(taskId))))));
    }

    @Override
    public List<TaskUnitState> statesOfUnit(int year, String unitId) {
        return assignedStates(items(statesByUnit()
                .query(beginsWith(Keys.unitIndexPk(year, unitId), Keys.STATE_PREFIX))));
    }

    @Override
    public List<TaskUnitState> allStates(int year) {
        return assignedStates(items(states().query(q -> q.consistentRead(true)
                .queryConditional(beginsWith(Keys.planPk(year), Keys.STATE_PREFIX)))));
    }

    @Override
    public List<Submission> historyOfTask(int year, String taskId) {
        return newestFirst(items(history().query(q -> q.consistentRead(true)
                .queryConditional(partition(Keys.taskHistoryPk(year, taskId))))));
    }

    /** Every submission of one unit on one task, newest first. */
    @Override
    public List<Submission> historyOfTaskUnit(int year, String taskId, String unitId) {
        return newestFirst(items(history().query(q -> q.consistentRead(true)
                .queryConditional(beginsWith(Keys.taskHistoryPk(year, taskId),
                        Keys.submissionsOfUnitPrefix(unitId))))));
    }

    /**
     * One gsi1 Query in the unit's partition, newest first, limited to {@code size + 2} items (the extra ones
     * tell whether an older page exists). After a cursor the range ends at the cursor's own sort key, which
     * is dropped when present; the key is rebuilt here from the cursor's time and idempotency key, so a
     * cursor can never reach outside this (task, unit).
     */
    @Override
    public HistoryPage historyPage(int year, String taskId, String unitId, HistoryPage.Cursor after, int size) {
        String partition = Keys.unitIndexPk(year, unitId);
        String prefix = Keys.submissionsOfTaskInUnitIndexPrefix(taskId);
        QueryConditional range = after == null ? beginsWith(partition, prefix)
                : QueryConditional.sortBetween(key(partition, prefix),
                        key(partition, Keys.submissionIndexSk(taskId, after.submittedAt(), after.idempotencyKey())));
        // One page: the limit bounds what is read, whatever the history's length.
        List<Submission> older = historyByUnit().query(q -> q.queryConditional(range).scanIndexForward(false)
                        .limit(size + 2))
                .iterator().next().items().stream()
                .map(SubmissionItem::submission)
                .filter(s -> after == null || after.isBefore(s))
                .limit(size + 1L).toList();
        List<Submission> page = older.size() > size ? older.subList(0, size) : older;
        return new HistoryPage(page, older.size() > size ? HistoryPage.Cursor.after(page.get(size - 1)) : null);
    }

    /**
     * One gsi2 query per week the range touches, each bounded by the sort key. The stored times are
     * whole milliseconds, so both bounds are rounded up to a millisecond; then
     * {@code between(time(from), time(to))} is exactly [from, to): a sort key is the time followed by
     * {@code #task#unit}, so an item at {@code to} sorts after {@code time(to)}.
     */
    @Override
    public List<Submission> submittedBetween(int year, Instant from, Instant to) {
        Instant lower = ceilToMillis(from);
        Instant upper = ceilToMillis(to);
        List<Submission> result = new ArrayList<>();
        for (String week : Keys.weeksBetween(lower, upper)) {
            String partition = Keys.weekPk(year, week);
            items(historyByWeek().query(QueryConditional.sortBetween(key(partition, Keys.time(lower)),
                    key(partition, Keys.time(upper)))))
                    .map(SubmissionItem::submission).forEach(result::add);
        }
        result.sort(NEWEST_FIRST.reversed());
        return result;
    }

    private static Instant ceilToMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        return truncated.equals(instant) ? instant : truncated.plusMillis(1);
    }

    private static List<TaskUnitState> assignedStates(Stream<StateItem> items) {
        return items.map(StateItem::stored).filter(StateItem.StoredState::assigned)
                .map(StateItem.StoredState::state).toList();
    }

    private static List<Submission> newestFirst(Stream<SubmissionItem> items) {
        return items.map(SubmissionItem::submission).sorted(NEWEST_FIRST).toList();
    }

    private DynamoDbTable<SubmissionItem> history() {
        return table(SubmissionItem.SCHEMA);
    }

    private DynamoDbIndex<SubmissionItem> historyByUnit() {
        return history().index(TableDefinition.GSI1);
    }

    private DynamoDbIndex<SubmissionItem> historyByWeek() {
        return history().index(TableDefinition.GSI2);
    }

    private DynamoDbTable<StateItem> states() {
        return table(StateItem.SCHEMA);
    }

    private DynamoDbIndex<StateItem> statesByUnit() {
        return states().index(TableDefinition.GSI1);
    }

    /** Map.of for more than ten pairs: key, value, key, value … */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> pairs(Object... keysAndValues) {
        Map<String, V> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
