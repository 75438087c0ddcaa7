package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.progress.ProgressStatus;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reported status of every (task, unit) pair when a week ended. A pair that had not reported by
 * then is absent. The snapshot saved with week N's summary is the start-of-week picture of week N+1:
 * this is how "status changes" are found without reading the submission history.
 *
 * @param statusByPair {@link PairKey} → status of the pair's last submission before the week ended
 */
public record StatusSnapshot(Map<String, ProgressStatus> statusByPair) {

    public StatusSnapshot {
        statusByPair = Collections.unmodifiableMap(new TreeMap<>(statusByPair));
    }

    /** The pair's status, empty when it had not reported. */
    public Optional<ProgressStatus> statusOf(String taskId, String unitId) {
        return Optional.ofNullable(statusByPair.get(PairKey.of(taskId, unitId)));
    }
}
