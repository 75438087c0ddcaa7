package cn.lyg.xilian.core.progress;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress port in memory, with the same contract as the DynamoDB store: one submission per (task, unit,
 * key), times kept to the millisecond, the state advanced only by a newer submission.
 */
final class InMemoryProgressRepository implements ProgressRepository {

    private final Map<String, Submission> history = new LinkedHashMap<>();
    private final Map<String, Submission> latest = new LinkedHashMap<>();
    int writes;

    @Override
    public synchronized RecordResult record(Submission submission) {
        Submission stored = new Submission(submission.planYear(), submission.taskId(), submission.unitId(),
                submission.idempotencyKey(), submission.status(), submission.percent(), submission.figures(),
                submission.progress(), submission.problems(), submission.nextSteps(), submission.reporter(),
                submission.phone(), submission.submittedAt().truncatedTo(ChronoUnit.MILLIS));
        String key = stored.planYear() + "/" + PairKey.of(stored.taskId(), stored.unitId()) + "/" + stored.idempotencyKey();
        Submission taken = history.get(key);
        if (taken != null) {
            return new RecordResult.KeyTaken(taken);
        }
        history.put(key, stored);
        writes++;
        latest.merge(stored.planYear() + "/" + PairKey.of(stored.taskId(), stored.unitId()), stored,
                (old, now) -> now.isNewerThan(old) ? now : old);
        return new RecordResult.Stored(stored);
    }

    @Override
    public synchronized List<TaskUnitState> statesOfTask(int year, String taskId) {
        return allStates(year).stream().filter(s -> s.taskId().equals(taskId)).toList();
    }

    @Override
    public synchronized List<TaskUnitState> statesOfUnit(int year, String unitId) {
        return allStates(year).stream().filter(s -> s.unitId().equals(unitId)).toList();
    }

    @Override
    public synchronized List<TaskUnitState> allStates(int year) {
        List<TaskUnitState> out = new ArrayList<>();
        latest.values().stream().filter(s -> s.planYear() == year).forEach(s -> out.add(new TaskUnitState(year,
                s.taskId(), s.unitId(), s, historyOfTaskUnit(year, s.taskId(), s.unitId()).size())));
        return out;
    }

    @Override
    public synchronized List<Submission> historyOfTask(int year, String taskId) {
        return history.values().stream().filter(s -> s.planYear() == year && s.taskId().equals(taskId))
                .sorted(HistoryPage.NEWEST_FIRST).toList();
    }

    @Override
    public synchronized List<Submission> submittedBetween(int year, Instant from, Instant to) {
        return history.values().stream().filter(s -> s.planYear() == year
                        && !s.submittedAt().isBefore(from) && s.submittedAt().isBefore(to))
                .sorted(HistoryPage.NEWEST_FIRST.reversed()).toList();
    }
}
