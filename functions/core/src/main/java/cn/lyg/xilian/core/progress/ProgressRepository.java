package cn.lyg.xilian.core.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only submission history plus the current state per (task, unit).
 * No transactions: the history item is written first (conditionally, so a replay is detected),
 * then the state item is advanced with a condition that only a newer submission can pass.
 */
public interface ProgressRepository {

    /**
     * Stores a submission once per (task, unit, idempotency key). When the key is taken, nothing is written
     * and the stored submission comes back as it is: whether that is a replay or a reused key is
     * {@link SubmitProgress}'s decision, not the store's. Safe to retry: a retry after a crash between the
     * history write and the state update completes the state update.
     */
    RecordResult record(Submission submission);

    /** State of every (task, unit) pair of a task. */
    List<TaskUnitState> statesOfTask(int year, String taskId);

    /** State of every task assigned to a unit. */
    List<TaskUnitState> statesOfUnit(int year, String unitId);

    /** State of every (task, unit) pair of the plan: the current picture, independent of history size. */
    List<TaskUnitState> allStates(int year);

    /**
     * The stored submission under an idempotency key. The default reads the task's history; a store
     * with a direct lookup (DynamoDB: one consistent GetItem) overrides it.
     */
    default java.util.Optional<Submission> find(int year, String taskId, String unitId, String idempotencyKey) {
        return historyOfTask(year, taskId).stream()
                .filter(s -> s.unitId().equals(unitId) && s.idempotencyKey().equals(idempotencyKey))
                .findFirst();
    }

    /** Every submission on a task, newest first. */
    List<Submission> historyOfTask(int year, String taskId);

    /** Every submission of one unit on one task, newest first. A store with a narrower query overrides it. */
    default List<Submission> historyOfTaskUnit(int year, String taskId, String unitId) {
        return historyOfTask(year, taskId).stream().filter(s -> s.unitId().equals(unitId)).toList();
    }

    /**
     * A page of one unit's history on one task, newest first (time, then idempotency key), starting after
     * {@code after} (null: the newest). Reads at most about {@code size} items, whatever the history's length.
     * The default filters {@link #historyOfTask}; a store with an ordered index overrides it.
     */
    default HistoryPage historyPage(int year, String taskId, String unitId, HistoryPage.Cursor after, int size) {
        List<Submission> older = historyOfTask(year, taskId).stream()
                .filter(s -> s.unitId().equals(unitId) && (after == null || after.isBefore(s)))
                .sorted(HistoryPage.NEWEST_FIRST)
                .limit(size + 1L).toList();
        List<Submission> page = older.size() > size ? older.subList(0, size) : older;
        return new HistoryPage(page, older.size() > size ? HistoryPage.Cursor.after(page.get(size - 1)) : null);
    }

    /**
     * The newest {@code size} submissions of several units on one task after {@code after}: one bounded page
     * per unit ({@link #historyPage(int, String, String, HistoryPage.Cursor, int)}), merged. Reads at most
     * units × (size + 2) items.
     */
    default HistoryPage historyPage(int year, String taskId, List<String> unitIds, HistoryPage.Cursor after, int size) {
        List<Submission> merged = new ArrayList<>();
        boolean more = false;
        for (String unitId : unitIds) {
            HistoryPage page = historyPage(year, taskId, unitId, after, size);
            merged.addAll(page.items());
            more |= page.next() != null;
        }
        merged.sort(HistoryPage.NEWEST_FIRST);
        more |= merged.size() > size;
        List<Submission> items = merged.size() > size ? merged.subList(0, size) : merged;
        return new HistoryPage(items, more && !items.isEmpty() ? HistoryPage.Cursor.after(items.get(items.size() - 1))
                : null);
    }

    /** Submissions accepted in [from, to), oldest first; served by an index on the week, not a scan. */
    List<Submission> submittedBetween(int year, Instant from, Instant to);

    /** What the store did with a submission; {@link SubmitOutcome} is what the use case answers. */
    sealed interface RecordResult {
        /** The submission as stored (at the store's time precision). */
        Submission submission();

        /** Newly stored. */
        record Stored(Submission submission) implements RecordResult {
        }

        /** The (task, unit, key) was taken: nothing written; this is the stored submission. */
        record KeyTaken(Submission submission) implements RecordResult {
        }
    }
}
