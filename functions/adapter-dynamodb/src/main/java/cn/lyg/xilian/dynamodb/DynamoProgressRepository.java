package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.HistoryPage;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.dynamodb.item.ItemSchemas;
import cn.lyg.xilian.dynamodb.item.StateItem;
import cn.lyg.xilian.dynamodb.item.SubmissionData;
import cn.lyg.xilian.dynamodb.item.SubmissionItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
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
import java.util.function.Supplier;

/**
 * Submission history and (task, unit) states, written without transactions as infra/dynamodb/TABLE.md
 * describes ("Writes without transactions"):
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
public final class DynamoProgressRepository implements ProgressRepository {

    /** Newest first: later time, then the greater key, as {@link Submission#isNewerThan}. */
    static final Comparator<Submission> NEWEST_FIRST = Comparator.comparing(Submission::submittedAt)
            .thenComparing(Submission::idempotencyKey).reversed();

    private static final String ADVANCE_STATE = String.join(", ",
            "SET #latest = :latest", "#planYear = :planYear", "#taskId = :taskId", "#unitId = :unitId",
            "#gsi1pk = :gsi1pk", "#gsi1sk = :gsi1sk",
            // A submission for a pair the catalog does not (yet) assign creates a hidden state;
            // a later load assigns it. An existing flag is left alone.
            "#assigned = if_not_exists(#assigned, :unassigned)") + " ADD #counted :counted";
    /** A late submission (not the latest) still counts in the pair's history. */
    private static final String COUNT_ONLY = "ADD #counted :counted";
    private static final String ONLY_IF_NEWER = "attribute_not_exists(#latest)"
            + " OR #latest.#submittedAt < :submittedAt"
            + " OR (#latest.#submittedAt = :submittedAt AND #latest.#key < :key)";

    private final DynamoDbClient client;
    private final String tableName;
    /** Built on first use (enhanced client and item schemas): a cold start that only reads pays nothing. */
    private final Lazy<DynamoDbTable<SubmissionItem>> history;
    private final Lazy<DynamoDbTable<StateItem>> states;

    public DynamoProgressRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, DynamoDbSettings settings) {
        this(client, () -> enhanced, settings);
    }

    /** With the enhanced client built on first use (the Micronaut factory passes a bean provider). */
    public DynamoProgressRepository(DynamoDbClient client, Supplier<DynamoDbEnhancedClient> enhanced,
                                    DynamoDbSettings settings) {
        this.client = client;
        this.tableName = settings.tableName();
        this.history = Lazy.of(() -> enhanced.get().table(tableName, ItemSchemas.submission()));
        this.states = Lazy.of(() -> enhanced.get().table(tableName, ItemSchemas.state()));
    }

    /**
     * {@inheritDoc}
     * <p>The stored time is {@code submittedAt} truncated to milliseconds. When the key is taken the result
     * carries the stored original (the caller has its own candidate to compare).
     */
    @Override
    public RecordResult record(Submission submission) {
        Submission candidate = SubmissionMapper.withStoredPrecision(submission);
        try {
            history.get().putItem(PutItemEnhancedRequest.builder(SubmissionItem.class)
                    .item(SubmissionMapper.historyItem(candidate))
                    .conditionExpression(Conditions.itemAbsent())
                    .build());
        } catch (ConditionalCheckFailedException keyAlreadyUsed) {
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
     * the condition is the normal outcome for late or replayed submissions, not an error.
     */
    private void advanceState(Submission submission) {
        SubmissionData data = SubmissionMapper.data(submission);
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Conditions.key(Keys.planPk(submission.planYear()),
                            Keys.state(submission.taskId(), submission.unitId())))
                    .updateExpression(ADVANCE_STATE)
                    .conditionExpression(ONLY_IF_NEWER)
                    .expressionAttributeNames(Map.of(
                            "#latest", StateItem.LATEST, "#planYear", "planYear", "#taskId", "taskId",
                            "#unitId", "unitId", "#gsi1pk", TableDefinition.GSI1_PK, "#gsi1sk", TableDefinition.GSI1_SK,
                            "#assigned", StateItem.ASSIGNED, "#submittedAt", SubmissionData.SUBMITTED_AT,
                            "#key", SubmissionData.IDEMPOTENCY_KEY, "#counted", StateItem.COUNTED))
                    .expressionAttributeValues(Map.of(
                            ":latest", AttributeValue.fromM(ItemSchemas.submissionData().itemToMap(data, true)),
                            ":planYear", AttributeValue.fromN(Integer.toString(submission.planYear())),
                            ":taskId", AttributeValue.fromS(submission.taskId()),
                            ":unitId", AttributeValue.fromS(submission.unitId()),
                            ":gsi1pk", AttributeValue.fromS(Keys.unitIndexPk(submission.planYear(), submission.unitId())),
                            ":gsi1sk", AttributeValue.fromS(Keys.stateIndexSk(submission.taskId())),
                            ":unassigned", AttributeValue.fromBool(false),
                            ":submittedAt", AttributeValue.fromS(data.getSubmittedAt()),
                            ":key", AttributeValue.fromS(submission.idempotencyKey()),
                            ":counted", AttributeValue.fromSs(List.of(submission.idempotencyKey()))))
                    .build());
        } catch (ConditionalCheckFailedException newerOrSameAlreadyLatest) {
            // The state already shows this submission or a newer one; only the count may be missing it.
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Conditions.key(Keys.planPk(submission.planYear()),
                            Keys.state(submission.taskId(), submission.unitId())))
                    .updateExpression(COUNT_ONLY)
                    .expressionAttributeNames(Map.of("#counted", StateItem.COUNTED))
                    .expressionAttributeValues(Map.of(":counted",
                            AttributeValue.fromSs(List.of(submission.idempotencyKey()))))
                    .build());
        }
    }

    /** The stored submission under an idempotency key (replay lookup), with a consistent read. */
    public Optional<Submission> find(int year, String taskId, String unitId, String idempotencyKey) {
        SubmissionItem item = history.get().getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.taskHistoryPk(year, taskId))
                .sortValue(Keys.submissionSk(unitId, idempotencyKey)).build()));
        return Optional.ofNullable(item).map(i -> SubmissionMapper.submission(i.getData()));
    }

    /** Latest status of one pair, if the catalog assigns it. */
    public Optional<TaskUnitState> state(int year, String taskId, String unitId) {
        StateItem item = states.get().getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.planPk(year)).sortValue(Keys.state(taskId, unitId)).build()));
        return Optional.ofNullable(item).filter(DynamoProgressRepository::assigned).map(SubmissionMapper::state);
    }

    @Override
    public List<TaskUnitState> statesOfTask(int year, String taskId) {
        return assignedStates(items(states.get(), QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(
                        key(Keys.planPk(year), Keys.statesOfTaskPrefix(taskId))))
                .consistentRead(true).build()));
    }

    @Override
    public List<TaskUnitState> statesOfUnit(int year, String unitId) {
        DynamoDbIndex<StateItem> byUnit = states.get().index(TableDefinition.GSI1);
        return assignedStates(items(byUnit, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(
                        key(Keys.unitIndexPk(year, unitId), Keys.STATE_PREFIX)))
                .build()));
    }

    @Override
    public List<TaskUnitState> allStates(int year) {
        return assignedStates(items(states.get(), QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(key(Keys.planPk(year), Keys.STATE_PREFIX)))
                .consistentRead(true).build()));
    }

    @Override
    public List<Submission> historyOfTask(int year, String taskId) {
        return newestFirst(items(history.get(), QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(Keys.taskHistoryPk(year, taskId)).build()))
                .consistentRead(true).build()));
    }

    /** Every submission of one unit on one task, newest first. */
    @Override
    public List<Submission> historyOfTaskUnit(int year, String taskId, String unitId) {
        return newestFirst(items(history.get(), QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(
                        key(Keys.taskHistoryPk(year, taskId), Keys.submissionsOfUnitPrefix(unitId))))
                .consistentRead(true).build()));
    }

    /**
     * One gsi1 Query in the unit's partition, newest first, limited to {@code size + 1} items (the extra one
     * tells whether an older page exists). After a cursor the range ends at the cursor's own sort key, which
     * is dropped when present; the key is rebuilt here from the cursor's time and idempotency key, so a
     * cursor can never reach outside this (task, unit).
     */
    @Override
    public HistoryPage historyPage(int year, String taskId, String unitId, HistoryPage.Cursor after, int size) {
        DynamoDbIndex<SubmissionItem> byUnit = history.get().index(TableDefinition.GSI1);
        String pk = Keys.unitIndexPk(year, unitId);
        String prefix = Keys.submissionsOfTaskInUnitIndexPrefix(taskId);
        QueryConditional range = after == null
                ? QueryConditional.sortBeginsWith(key(pk, prefix))
                : QueryConditional.sortBetween(key(pk, prefix),
                        key(pk, Keys.submissionIndexSk(taskId, after.submittedAt(), after.idempotencyKey())));
        var pages = byUnit.query(QueryEnhancedRequest.builder().queryConditional(range)
                .scanIndexForward(false).limit(size + 2).build()).iterator();
        List<Submission> older = (pages.hasNext() ? pages.next().items() : List.<SubmissionItem>of()).stream()
                .map(item -> SubmissionMapper.submission(item.getData()))
                .filter(s -> after == null || after.isBefore(s))
                .limit(size + 1L).toList();
        List<Submission> page = older.size() > size ? older.subList(0, size) : older;
        return new HistoryPage(page, older.size() > size ? HistoryPage.Cursor.after(page.get(size - 1)) : null);
    }

    /** Every submission of one unit on any task, newest first. */
    public List<Submission> historyOfUnit(int year, String unitId) {
        DynamoDbIndex<SubmissionItem> byUnit = history.get().index(TableDefinition.GSI1);
        return newestFirst(items(byUnit, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(
                        key(Keys.unitIndexPk(year, unitId), Keys.SUBMISSION_PREFIX)))
                .scanIndexForward(false).build()));
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
        DynamoDbIndex<SubmissionItem> byWeek = history.get().index(TableDefinition.GSI2);
        for (String week : Keys.weeksBetween(lower, upper)) {
            String weekPk = Keys.weekPk(year, week);
            result.addAll(submissions(items(byWeek, QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.sortBetween(
                            key(weekPk, Keys.time(lower)), key(weekPk, Keys.time(upper))))
                    .build())));
        }
        result.sort(NEWEST_FIRST.reversed());
        return result;
    }

    private static Instant ceilToMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        return truncated.equals(instant) ? instant : truncated.plusMillis(1);
    }

    private static Key key(String partition, String sort) {
        return Key.builder().partitionValue(partition).sortValue(sort).build();
    }

    private static boolean assigned(StateItem item) {
        return Boolean.TRUE.equals(item.getAssigned());
    }

    private static List<TaskUnitState> assignedStates(Stream<StateItem> items) {
        return items.filter(DynamoProgressRepository::assigned).map(SubmissionMapper::state).toList();
    }

    private static List<Submission> newestFirst(Stream<SubmissionItem> items) {
        return items.map(item -> SubmissionMapper.submission(item.getData())).sorted(NEWEST_FIRST).toList();
    }

    private static List<Submission> submissions(Stream<SubmissionItem> items) {
        return items.map(item -> SubmissionMapper.submission(item.getData())).toList();
    }

    // Both helpers iterate every page: a query result is cut at 1 MB by DynamoDB and dynalite alike.

    private static <T> Stream<T> items(DynamoDbTable<T> table, QueryEnhancedRequest request) {
        return table.query(request).items().stream();
    }

    private static <T> Stream<T> items(DynamoDbIndex<T> index, QueryEnhancedRequest request) {
        return index.query(request).stream().map(Page::items).flatMap(List::stream);
    }
}
