package cn.lyg.xilian.core.progress;

import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress port in memory, with the same contract as the DynamoDB store: one submission per (task, unit,
 * key), times kept to the millisecond, the state advanced only by a newer submission.
 */
public final class InMemoryProgressRepository implements ProgressRepository {

    private final Map<String, Submission> history = new LinkedHashMap<>();
    private final Map<String, Submission> latest = new LinkedHashMap<>();
    private final Map<String, TaskUnitState> extended = new LinkedHashMap<>();
    int writes;

    /** An approved extension, as the supervision store records it on the pair's state. */
    public synchronized void extend(int year, String taskId, String unitId, LocalDate to) {
        extended.put(year + "/" + PairKey.of(taskId, unitId), new TaskUnitState(year, taskId, unitId, null, 0, null, to));
    }

    private final Map<String, Review> reviews = new LinkedHashMap<>();

    /** A review of the pair's latest report, as the supervision store marks it on the pair's state. */
    public synchronized void reviewed(Review review) {
        reviews.put(review.planYear() + "/" + PairKey.of(review.taskId(), review.unitId()), review);
    }

    public InMemoryProgressRepository() {
    }

    @Override
    public synchronized RecordResult record(Submission submission) {
        Submission stored = SubmissionBuilder.from(submission).at(submission.submittedAt().truncatedTo(ChronoUnit.MILLIS))
                .build();
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
        Map<String, TaskUnitState> out = new LinkedHashMap<>();
        extended.forEach((pair, state) -> {
            if (state.planYear() == year) {
                out.put(pair, state);
            }
        });
        latest.forEach((pair, s) -> {
            if (s.planYear() == year) {
                TaskUnitState ext = extended.get(pair);
                List<Submission> ofPair = historyOfTaskUnit(year, s.taskId(), s.unitId());
                out.put(pair, new TaskUnitState(year, s.taskId(), s.unitId(), s,
                        ofPair.size(), reviews.get(pair),
                        ext == null ? null : ext.extendedDeadline()).withTrail(ProgressTrail.of(ofPair)));
            }
        });
        return new ArrayList<>(out.values());
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
