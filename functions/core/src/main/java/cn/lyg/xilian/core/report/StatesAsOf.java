package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of every pair as it was at an instant in the past: the current states, with each pair that
 * reported since then wound back to its last submission before the instant (read from that pair's history).
 * Costs one query for the submissions since the instant plus one per pair touched since, so a summary run on
 * time reads almost nothing more, and a late run or a re-send sees exactly what the on-time run saw.
 */
final class StatesAsOf {

    private StatesAsOf() {
    }

    /**
     * @param end   exclusive: a submission at {@code end} is not part of the picture
     * @param until the latest instant any stored submission can carry (the run's clock, with a margin)
     */
    static List<TaskUnitState> of(ProgressRepository progress, int year, List<TaskUnitState> current, Instant end,
                                  Instant until) {
        if (!until.isAfter(end)) {
            return current;
        }
        Set<String> touched = new HashSet<>();
        for (Submission later : progress.submittedBetween(year, end, until)) {
            touched.add(PairKey.of(later.taskId(), later.unitId()));
        }
        if (touched.isEmpty()) {
            return current;
        }
        return current.stream().map(state -> touched.contains(PairKey.of(state.taskId(), state.unitId()))
                ? woundBack(progress, state, end) : state).toList();
    }

    private static TaskUnitState woundBack(ProgressRepository progress, TaskUnitState state, Instant end) {
        List<Submission> before = progress.historyOfTaskUnit(state.planYear(), state.taskId(), state.unitId()).stream()
                .filter(s -> s.submittedAt().isBefore(end)).toList();
        Submission latest = before.stream().reduce((a, b) -> b.isNewerThan(a) ? b : a).orElse(null);
        return state.withLatest(latest, before.size()).withTrail(cn.lyg.xilian.core.progress.ProgressTrail.of(before));
    }
}
