package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.dynamodb.SubmissionMapper.PLAN_YEAR;
import static cn.lyg.xilian.dynamodb.SubmissionMapper.TASK_ID;
import static cn.lyg.xilian.dynamodb.SubmissionMapper.UNIT_ID;

/**
 * The state item of a (task, unit) pair: pk {@code PLAN#Y}, sk {@code STATE#<taskId>#<unitId>}, gsi1 = the
 * unit's partition. It is created bare by a catalog load ({@link #newState}); the rest is set by conditional
 * updates (DynamoProgressRepository, DynamoSupervisionRepository), never by a put:
 * <ul>
 *   <li>{@code latest}: the newest submission (a map, {@link SubmissionMapper#data}), absent until the first;</li>
 *   <li>{@code assigned}: false when a reload removed the unit from the task after it reported: the item is
 *   kept so progress is not lost, and hidden from the state views until a later plan assigns it again;</li>
 *   <li>{@code counted}: the string set of the idempotency keys of every stored submission of the pair (ADD to
 *   a set is idempotent, so a retried or late submission is counted once);</li>
 *   <li>the review of the latest report ({@code reviewOf}, {@code reviewDecision}, …), the approved deadline
 *   ({@code extendedTo}, {@code extendedAt}) and the evidence names of the latest report ({@code evidenceOf},
 *   {@code evidenceNames}).</li>
 * </ul>
 */
final class StateMapper {

    static final String LATEST = "latest";
    static final String ASSIGNED = "assigned";
    static final String COUNTED = "counted";

    private StateMapper() {
    }

    /** A state as stored: the pair's state, and whether the catalog assigns the pair. */
    record StoredState(TaskUnitState state, boolean assigned) {
    }

    static Map<String, AttributeValue> newState(int year, String taskId, String unitId) {
        return Attributes.item()
                .key(Keys.planPk(year), Keys.state(taskId, unitId))
                .s(TableDefinition.GSI1_PK, Keys.unitIndexPk(year, unitId))
                .s(TableDefinition.GSI1_SK, Keys.stateIndexSk(taskId))
                .n(PLAN_YEAR, year)
                .s(TASK_ID, taskId)
                .s(UNIT_ID, unitId)
                .bool(ASSIGNED, true)
                .build();
    }

    static StoredState fromItem(Map<String, AttributeValue> raw) {
        var item = Attributes.of(raw);
        var latestMap = item.m(LATEST);
        Submission latest = latestMap == null ? null : SubmissionMapper.submission(latestMap);
        // A state written before the count existed has no set: it counts its latest at least.
        int counted = item.ss(COUNTED).size();
        int year = item.n(PLAN_YEAR);
        Review review = !item.has("reviewOf") ? null
                : new Review(year, item.s(TASK_ID), item.s(UNIT_ID), item.s("reviewOf"),
                        item.enumValue("reviewDecision", ReviewDecision.class), item.s("reviewReason"),
                        item.s("reviewKey"), item.time("reviewedAt"));
        String extendedTo = item.s("extendedTo");
        TaskUnitState state = new TaskUnitState(year, item.s(TASK_ID), item.s(UNIT_ID), latest,
                latest == null ? counted : Math.max(1, counted), review,
                extendedTo == null ? null : LocalDate.parse(extendedTo),
                latest != null && latest.idempotencyKey().equals(item.s("evidenceOf"))
                        ? item.strings("evidenceNames") : List.of());
        return new StoredState(state, item.bool(ASSIGNED));
    }
}
