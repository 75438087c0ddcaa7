package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.ProgressTrail;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The state item of a (task, unit) pair: pk {@code PLAN#Y}, sk {@code STATE#<taskId>#<unitId>}, gsi1 = the unit's
 * partition. It is created bare by a catalog load ({@link #newState}); the rest is set by conditional updates
 * (progress, reviews, extensions, evidence), never by a put:
 * <ul>
 *   <li>{@code latest}: the newest submission (a map, {@link SubmissionData}), absent until the first;</li>
 *   <li>{@code assigned}: false when a reload removed the unit from the task after it reported: the item is
 *   kept so progress is not lost, and hidden from the state views until a later plan assigns it again;</li>
 *   <li>{@code counted}: the string set of the idempotency keys of every stored submission of the pair (ADD to
 *   a set is idempotent, so a retried or late submission is counted once);</li>
 *   <li>the review of the latest report ({@code reviewOf}, {@code reviewDecision}, …), the approved deadline
 *   ({@code extendedTo}, {@code extendedAt}) and the evidence names of the latest report ({@code evidenceOf},
 *   {@code evidenceNames});</li>
 *   <li>{@code trail}: the string set of the pair's reports as points "2026-09-01T02:03:04.567Z=40" (time, percent),
 *   ADDed by the same update as {@code counted} (a replay adds nothing; a late report joins too); read as
 *   {@link ProgressTrail} (the day's latest point, the last {@value ProgressTrail#WINDOW} days). About 40 bytes a
 *   report. Absent on states written before it existed (no forecast until the next report).</li>
 * </ul>
 */
record StateItem(String pk, String sk, String gsi1pk, String gsi1sk, Integer planYear, String taskId, String unitId,
                 Boolean assigned, SubmissionData latest, Set<String> counted, String reviewOf,
                 ReviewDecision reviewDecision, String reviewReason, String reviewKey, Instant reviewedAt,
                 LocalDate extendedTo, Instant extendedAt, String evidenceOf, List<String> evidenceNames,
                 Set<String> trail)
        implements PlanPartition.Item {

    static final String LATEST = "latest";
    static final String ASSIGNED = "assigned";
    static final String COUNTED = "counted";
    static final String TRAIL = "trail";

    static final TableSchema<StateItem> SCHEMA;

    static {
        var s = ItemSchema.item(StateItem.class);
        var gsi1pk = s.gsi1pk(StateItem::gsi1pk);
        var gsi1sk = s.gsi1sk(StateItem::gsi1sk);
        var planYear = s.integer(SubmissionData.PLAN_YEAR, StateItem::planYear);
        var taskId = s.string(SubmissionData.TASK_ID, StateItem::taskId);
        var unitId = s.string(SubmissionData.UNIT_ID, StateItem::unitId);
        var assigned = s.bool(ASSIGNED, StateItem::assigned);
        var latest = s.document(LATEST, SubmissionData.class, SubmissionData.SCHEMA, StateItem::latest);
        var counted = s.stringSet(COUNTED, StateItem::counted);
        var reviewOf = s.string("reviewOf", StateItem::reviewOf);
        var reviewDecision = s.enumeration("reviewDecision", ReviewDecision.class, StateItem::reviewDecision);
        var reviewReason = s.string("reviewReason", StateItem::reviewReason);
        var reviewKey = s.string("reviewKey", StateItem::reviewKey);
        var reviewedAt = s.time("reviewedAt", StateItem::reviewedAt);
        var extendedTo = s.date("extendedTo", StateItem::extendedTo);
        var extendedAt = s.time("extendedAt", StateItem::extendedAt);
        var evidenceOf = s.string("evidenceOf", StateItem::evidenceOf);
        var evidenceNames = s.strings("evidenceNames", StateItem::evidenceNames);
        var trail = s.stringSet(TRAIL, StateItem::trail);
        SCHEMA = s.build(v -> new StateItem(v.pk(), v.sk(), v.get(gsi1pk), v.get(gsi1sk), v.get(planYear),
                v.get(taskId), v.get(unitId), v.get(assigned), v.get(latest), v.get(counted), v.get(reviewOf),
                v.get(reviewDecision), v.get(reviewReason), v.get(reviewKey), v.get(reviewedAt), v.get(extendedTo),
                v.get(extendedAt), v.get(evidenceOf), v.get(evidenceNames), v.get(trail)));
    }

    /** A state as stored: the pair's state, and whether the catalog assigns the pair. */
    record StoredState(TaskUnitState state, boolean assigned) {
    }

    static StateItem newState(int year, String taskId, String unitId) {
        return new StateItem(Keys.planPk(year), Keys.state(taskId, unitId), Keys.unitIndexPk(year, unitId),
                Keys.stateIndexSk(taskId), year, taskId, unitId, true, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** The key and the assignment flag, nothing else: what an update sets ({@code latest} is left as it is). */
    static StateItem assignment(int year, String taskId, String unitId, boolean assigned) {
        return update(year, taskId, unitId, assigned, null, null, null, null);
    }

    /** The key and an approved deadline, nothing else: what an update sets. */
    static StateItem deadline(int year, String taskId, String unitId, LocalDate extendedTo, Instant extendedAt) {
        return update(year, taskId, unitId, null, extendedTo, extendedAt, null, null);
    }

    /** The key and a report's first evidence name, nothing else: what an update sets. */
    static StateItem evidence(int year, String taskId, String unitId, String reportKey, String name) {
        return update(year, taskId, unitId, null, null, null, reportKey, List.of(name));
    }

    private static StateItem update(int year, String taskId, String unitId, Boolean assigned, LocalDate extendedTo,
                                    Instant extendedAt, String evidenceOf, List<String> evidenceNames) {
        return new StateItem(Keys.planPk(year), Keys.state(taskId, unitId), null, null, null, null, null, assigned,
                null, null, null, null, null, null, null, extendedTo, extendedAt, evidenceOf, evidenceNames, null);
    }

    StoredState stored() {
        Submission last = latest == null ? null : latest.submission();
        // A state written before the count existed has no set: it counts its latest at least.
        int count = counted == null ? 0 : counted.size();
        Review review = reviewOf == null ? null
                : new Review(planYear, taskId, unitId, reviewOf, reviewDecision, reviewReason, reviewKey, reviewedAt);
        TaskUnitState state = new TaskUnitState(planYear, taskId, unitId, last,
                last == null ? count : Math.max(1, count), review, extendedTo,
                last != null && last.idempotencyKey().equals(evidenceOf) && evidenceNames != null
                        ? evidenceNames : List.of(), trail(trail));
        return new StoredState(state, Boolean.TRUE.equals(assigned));
    }

    /** The point a report adds to its pair's trail: its stored time and percent. */
    static String point(Submission submission) {
        return Keys.time(submission.submittedAt()) + "=" + submission.percent();
    }

    /** An unreadable point is dropped (it only feeds a forecast), never fails the read of the state. */
    private static ProgressTrail trail(Set<String> stored) {
        if (stored == null) {
            return ProgressTrail.EMPTY;
        }
        List<ProgressTrail.Report> reports = new java.util.ArrayList<>();
        for (String p : stored) {
            int eq = p.indexOf('=');
            try {
                reports.add(new ProgressTrail.Report(Instant.parse(p.substring(0, eq)),
                        Integer.parseInt(p.substring(eq + 1))));
            } catch (RuntimeException unreadable) {
                // skipped
            }
        }
        return ProgressTrail.ofReports(reports);
    }
}
