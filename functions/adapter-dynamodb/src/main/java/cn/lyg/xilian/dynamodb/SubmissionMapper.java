package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Maps submissions between core records and the history item (and the state's {@code latest} map). */
final class SubmissionMapper {

    static final String PLAN_YEAR = "planYear";
    static final String TASK_ID = "taskId";
    static final String UNIT_ID = "unitId";
    static final String SUBMITTED_AT = "submittedAt";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

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

    /** The history item: the submission's attributes flat beside its keys (TABLE.md, "submission"). */
    static Map<String, AttributeValue> historyItem(Submission s) {
        return Attributes.item()
                .key(Keys.taskHistoryPk(s.planYear(), s.taskId()), Keys.submissionSk(s.unitId(), s.idempotencyKey()))
                .s(TableDefinition.GSI1_PK, Keys.unitIndexPk(s.planYear(), s.unitId()))
                .s(TableDefinition.GSI1_SK, Keys.submissionIndexSk(s.taskId(), s.submittedAt(), s.idempotencyKey()))
                .s(TableDefinition.GSI2_PK, Keys.weekPk(s.planYear(), Keys.week(s.submittedAt())))
                .s(TableDefinition.GSI2_SK, Keys.weekSk(s.submittedAt(), s.taskId(), s.unitId()))
                .all(data(s))
                .build();
    }

    /**
     * The content of a submission: flat in the history item, and the map {@code latest} of the state item, so
     * both hold the same attribute names. {@code submittedAt} is the fixed-width {@link Keys#time} string, which
     * the state's condition compares as a string. Figures are decimal strings (DynamoDB would normalise 8.0 to 8).
     */
    static Map<String, AttributeValue> data(Submission s) {
        return Attributes.item()
                .n(PLAN_YEAR, s.planYear())
                .s(TASK_ID, s.taskId())
                .s(UNIT_ID, s.unitId())
                .s(IDEMPOTENCY_KEY, s.idempotencyKey())
                .s("status", s.status().name())
                .n("percent", s.percent())
                .stringMap("figures", s.figures().entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().toPlainString(), (a, b) -> a, TreeMap::new)))
                .s("progress", s.progress())
                .s("problems", s.problems())
                .s("nextSteps", s.nextSteps())
                .s("reporter", s.reporter())
                .s("phone", s.phone())
                .s(SUBMITTED_AT, Keys.time(s.submittedAt()))
                .build();
    }

    /** A history item, or the {@code latest} map of a state item. */
    static Submission submission(Attributes.Reader d) {
        Map<String, BigDecimal> figures = new TreeMap<>();
        d.stringMap("figures").forEach((target, value) -> figures.put(target, new BigDecimal(value)));
        return new Submission(d.n(PLAN_YEAR), d.s(TASK_ID), d.s(UNIT_ID), d.s(IDEMPOTENCY_KEY),
                d.enumValue("status", ProgressStatus.class), d.n("percent"), figures, d.s("progress"),
                d.s("problems"), d.s("nextSteps"), d.s("reporter"), d.s("phone"), d.time(SUBMITTED_AT));
    }

    static Submission submission(Map<String, AttributeValue> historyItem) {
        return submission(Attributes.of(historyItem));
    }
}
