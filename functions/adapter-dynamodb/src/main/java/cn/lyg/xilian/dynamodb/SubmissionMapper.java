package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.dynamodb.item.StateItem;
import cn.lyg.xilian.dynamodb.item.SubmissionData;
import cn.lyg.xilian.dynamodb.item.SubmissionItem;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Maps submissions and states between core records and storage items. */
final class SubmissionMapper {

    private SubmissionMapper() {
    }

    /**
     * The table keeps times with millisecond precision (fixed-width strings that sort): a submission is
     * normalised to that before it is stored, so what {@code record} returns is what a read returns.
     */
    static Submission withStoredPrecision(Submission s) {
        var millis = s.submittedAt().truncatedTo(ChronoUnit.MILLIS);
        if (millis.equals(s.submittedAt())) {
            return s;
        }
        return new Submission(s.planYear(), s.taskId(), s.unitId(), s.idempotencyKey(), s.status(), s.percent(),
                s.figures(), s.progress(), s.problems(), s.nextSteps(), s.reporter(), s.phone(), millis);
    }

    static SubmissionItem historyItem(Submission s) {
        SubmissionItem item = new SubmissionItem();
        item.setPk(Keys.taskHistoryPk(s.planYear(), s.taskId()));
        item.setSk(Keys.submissionSk(s.unitId(), s.idempotencyKey()));
        item.setGsi1pk(Keys.unitIndexPk(s.planYear(), s.unitId()));
        item.setGsi1sk(Keys.submissionIndexSk(s.taskId(), s.submittedAt(), s.idempotencyKey()));
        item.setGsi2pk(Keys.weekPk(s.planYear(), Keys.week(s.submittedAt())));
        item.setGsi2sk(Keys.weekSk(s.submittedAt(), s.taskId(), s.unitId()));
        item.setData(data(s));
        return item;
    }

    static SubmissionData data(Submission s) {
        SubmissionData d = new SubmissionData();
        d.setPlanYear(s.planYear());
        d.setTaskId(s.taskId());
        d.setUnitId(s.unitId());
        d.setIdempotencyKey(s.idempotencyKey());
        d.setStatus(s.status().name());
        d.setPercent(s.percent());
        // Decimal strings, not numbers: DynamoDB would normalise 8.0 to 8.
        d.setFigures(s.figures().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toPlainString(), (a, b) -> a, TreeMap::new)));
        d.setProgress(s.progress());
        d.setProblems(s.problems());
        d.setNextSteps(s.nextSteps());
        d.setReporter(s.reporter());
        d.setPhone(s.phone());
        d.setSubmittedAt(Keys.time(s.submittedAt()));
        return d;
    }

    static Submission submission(SubmissionData d) {
        Map<String, BigDecimal> figures = new TreeMap<>();
        if (d.getFigures() != null) {
            d.getFigures().forEach((target, value) -> figures.put(target, new BigDecimal(value)));
        }
        return new Submission(d.getPlanYear(), d.getTaskId(), d.getUnitId(), d.getIdempotencyKey(),
                ProgressStatus.valueOf(d.getStatus()), d.getPercent(), figures, d.getProgress(), d.getProblems(),
                d.getNextSteps(), d.getReporter(), d.getPhone(), Keys.parseTime(d.getSubmittedAt()));
    }

    static TaskUnitState state(StateItem item) {
        Submission latest = item.getLatest() == null ? null : submission(item.getLatest());
        // A state written before the count existed has no set: it counts its latest at least.
        int counted = item.getCounted() == null ? 0 : item.getCounted().size();
        cn.lyg.xilian.core.supervision.Review review = item.getReviewOf() == null ? null
                : new cn.lyg.xilian.core.supervision.Review(item.getPlanYear(), item.getTaskId(), item.getUnitId(),
                        item.getReviewOf(), cn.lyg.xilian.core.supervision.ReviewDecision.valueOf(item.getReviewDecision()),
                        item.getReviewReason(), item.getReviewKey(), Keys.parseTime(item.getReviewedAt()));
        return new TaskUnitState(item.getPlanYear(), item.getTaskId(), item.getUnitId(), latest,
                latest == null ? counted : Math.max(1, counted), review,
                item.getExtendedTo() == null ? null : java.time.LocalDate.parse(item.getExtendedTo()),
                latest != null && latest.idempotencyKey().equals(item.getEvidenceOf()) && item.getEvidenceNames() != null
                        ? item.getEvidenceNames() : java.util.List.of());
    }
}
