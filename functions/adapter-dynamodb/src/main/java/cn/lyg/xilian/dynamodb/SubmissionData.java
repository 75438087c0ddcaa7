package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of a submission: flat in its history item ({@link SubmissionItem}) and the map {@code latest} of its
 * pair's state item ({@link StateItem}), so both hold the same attribute names. {@code submittedAt} is the
 * fixed-width {@link Keys#time} string, which the state's condition compares as a string. Figures are decimal
 * strings (DynamoDB would normalise 8.0 to 8).
 */
record SubmissionData(Integer planYear, String taskId, String unitId, String idempotencyKey, ProgressStatus status,
                      Integer percent, Map<String, String> figures, String progress, String problems, String nextSteps,
                      String reporter, String phone, Instant submittedAt) {

    static final String PLAN_YEAR = "planYear";
    static final String TASK_ID = "taskId";
    static final String UNIT_ID = "unitId";
    static final String SUBMITTED_AT = "submittedAt";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    static final TableSchema<SubmissionData> SCHEMA;

    static {
        var s = ItemSchema.of(SubmissionData.class);
        var planYear = s.integer(PLAN_YEAR, SubmissionData::planYear);
        var taskId = s.string(TASK_ID, SubmissionData::taskId);
        var unitId = s.string(UNIT_ID, SubmissionData::unitId);
        var idempotencyKey = s.string(IDEMPOTENCY_KEY, SubmissionData::idempotencyKey);
        var status = s.enumeration("status", ProgressStatus.class, SubmissionData::status);
        var percent = s.integer("percent", SubmissionData::percent);
        var figures = s.stringMap("figures", SubmissionData::figures);
        var progress = s.string("progress", SubmissionData::progress);
        var problems = s.string("problems", SubmissionData::problems);
        var nextSteps = s.string("nextSteps", SubmissionData::nextSteps);
        var reporter = s.string("reporter", SubmissionData::reporter);
        var phone = s.string("phone", SubmissionData::phone);
        var submittedAt = s.time(SUBMITTED_AT, SubmissionData::submittedAt);
        SCHEMA = s.build(v -> new SubmissionData(v.get(planYear), v.get(taskId), v.get(unitId), v.get(idempotencyKey),
                v.get(status), v.get(percent), v.get(figures), v.get(progress), v.get(problems), v.get(nextSteps),
                v.get(reporter), v.get(phone), v.get(submittedAt)));
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

    static SubmissionData of(Submission s) {
        Map<String, String> figures = new TreeMap<>();
        s.figures().forEach((target, value) -> figures.put(target, value.toPlainString()));
        return new SubmissionData(s.planYear(), s.taskId(), s.unitId(), s.idempotencyKey(), s.status(), s.percent(),
                figures, s.progress(), s.problems(), s.nextSteps(), s.reporter(), s.phone(), s.submittedAt());
    }

    Submission submission() {
        Map<String, BigDecimal> values = new TreeMap<>();
        if (figures != null) {
            figures.forEach((target, value) -> values.put(target, new BigDecimal(value)));
        }
        return new Submission(planYear, taskId, unitId, idempotencyKey, status, percent, values, progress, problems,
                nextSteps, reporter, phone, submittedAt);
    }
}
