package cn.lyg.xilian.dynamodb;

import static cn.lyg.xilian.core.PlanTime.ZONE;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Every key value of the table, built in one place so all adapters spell them the same way
 * (infra/dynamodb/TABLE.md is the reference). Ids used inside keys must not contain the
 * separator {@code #}; the idempotency key may, because it is always the last component.
 */
public final class Keys {

    public static final String SEPARATOR = "#";
    /** The zone whose calendar defines weeks (the plan is run in Lianyungang and Wuxi). */

    public static final String META = "META";
    public static final String SECTION_PREFIX = "SECTION#";
    public static final String UNIT_PREFIX = "UNIT#";
    public static final String TASK_PREFIX = "TASK#";
    public static final String STATE_PREFIX = "STATE#";
    public static final String SUBMISSION_PREFIX = "SUB#";
    public static final String CREDENTIAL = "CRED";
    public static final String CREDENTIALS_INDEX_PK = "CREDS";

    /** Fixed width with milliseconds, so that string order is time order. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    // --- plan partition: header, sections, units, tasks, (task, unit) states ---

    public static String planPk(int year) {
        return "PLAN#" + year;
    }

    /** The partition listing the loaded plan years: one item per year, sk {@link #yearSk}. */
    public static final String PLANS = "PLANS";

    public static String yearSk(int year) {
        return "YEAR#" + year;
    }

    public static String sectionSk(String sectionId) {
        return SECTION_PREFIX + id(sectionId);
    }

    public static String unitSk(String unitId) {
        return UNIT_PREFIX + id(unitId);
    }

    public static String taskSk(String taskId) {
        return TASK_PREFIX + id(taskId);
    }

    /** Sort key of the state item of a (task, unit) pair. */
    public static String state(String taskId, String unitId) {
        return STATE_PREFIX + id(taskId) + SEPARATOR + id(unitId);
    }

    /** Prefix of the state items of every unit on one task. */
    public static String statesOfTaskPrefix(String taskId) {
        return STATE_PREFIX + id(taskId) + SEPARATOR;
    }

    /** gsi1 partition of a unit: its states and its submissions. */
    public static String unitIndexPk(int year, String unitId) {
        return planPk(year) + SEPARATOR + UNIT_PREFIX + id(unitId);
    }

    public static String stateIndexSk(String taskId) {
        return STATE_PREFIX + id(taskId);
    }

    // --- supervision: reviews, extension requests, instructions and read marks of one task ---

    public static final String REVIEW_PREFIX = "REVIEW#";
    /** Not under {@link #REVIEW_PREFIX}: the stream's filter and the task's record read reviews by that prefix. */
    public static final String REVIEW_KEY_PREFIX = "REVIEWKEY#";
    public static final String EXTENSION_PREFIX = "EXT#";
    public static final String PENDING_EXTENSION_PREFIX = "PENDING#";
    public static final String INSTRUCTION_PREFIX = "NOTE#";
    public static final String READ_PREFIX = "READ#";
    public static final String FILE_PREFIX = "FILE#";

    /** An evidence file of a report: {@code FILE#<unitId>#<reportKey>#<fileId>}. */
    public static String fileSk(String unitId, String reportKey, String fileId) {
        return filesOfReportPrefix(unitId, reportKey) + fileId;
    }

    public static String filesOfReportPrefix(String unitId, String reportKey) {
        return FILE_PREFIX + id(unitId) + SEPARATOR + reportKey + SEPARATOR;
    }

    public static final String UPLOAD_PREFIX = "UPLOAD#";
    public static final String SLOTS_PREFIX = "SLOTS#";

    /** The ticket of a direct upload to one report: {@code UPLOAD#<unitId>#<reportKey>#<uploadId>}. */
    public static String uploadSk(String unitId, String reportKey, String uploadId) {
        return UPLOAD_PREFIX + id(unitId) + SEPARATOR + id(reportKey) + SEPARATOR + id(uploadId);
    }

    /** The file slots of one report (the ids of its files and of those being attached): {@code SLOTS#<unitId>#<reportKey>}. */
    public static String slotsSk(String unitId, String reportKey) {
        return SLOTS_PREFIX + id(unitId) + SEPARATOR + id(reportKey);
    }

    /** Partition of a task's supervision record (apart from the history partition, which holds submissions only). */
    public static String supervisionPk(int year, String taskId) {
        return planPk(year) + SEPARATOR + "SUP" + SEPARATOR + id(taskId);
    }

    /** The plan year of a supervision partition key (the inverse of {@link #supervisionPk}). */
    public static int supervisionYear(String supervisionPk) {
        return Integer.parseInt(supervisionPk.split(SEPARATOR)[1]);
    }

    /** The task of a supervision partition key (the inverse of {@link #supervisionPk}). */
    public static String supervisionTask(String supervisionPk) {
        return supervisionPk.split(SEPARATOR)[3];
    }

    public static String reviewSk(String unitId, String submissionKey) {
        return REVIEW_PREFIX + id(unitId) + SEPARATOR + submissionKey;
    }

    public static String extensionSk(String unitId, String requestKey) {
        return EXTENSION_PREFIX + id(unitId) + SEPARATOR + requestKey;
    }

    /** The one pending-request slot of a (task, unit). */
    public static String pendingExtensionSk(String unitId) {
        return PENDING_EXTENSION_PREFIX + id(unitId);
    }

    /** The idempotency record of a review request (one per key and task). */
    public static String reviewKeySk(String requestKey) {
        return REVIEW_KEY_PREFIX + requestKey;
    }

    public static String instructionSk(String key) {
        return INSTRUCTION_PREFIX + key;
    }

    /**
     * gsi2 partition of what waits on someone, for the 待办: the pending slots of extension requests and the
     * instructions some addressed unit has not opened. Sparse: an item leaves it when it stops waiting.
     */
    public static String waitingPk(int year) {
        return planPk(year) + SEPARATOR + "WAITING";
    }

    /** gsi2 sort key of a pending extension request: {@code PENDING#<requestedAt>#<task>#<unit>}. */
    public static String waitingExtensionSk(Instant requestedAt, String taskId, String unitId) {
        return PENDING_EXTENSION_PREFIX + time(requestedAt) + SEPARATOR + id(taskId) + SEPARATOR + id(unitId);
    }

    /** gsi2 sort key of an instruction not yet read by all: {@code NOTE#<issuedAt>#<task>#<key>}. */
    public static String waitingInstructionSk(Instant issuedAt, String taskId, String instructionKey) {
        return INSTRUCTION_PREFIX + time(issuedAt) + SEPARATOR + id(taskId) + SEPARATOR + instructionKey;
    }

    /** Not under a prefix the task's record reads: the delivery mark of one supervision email. */
    public static final String NOTICE_MARK_PREFIX = "MAILED#";

    public static String noticeMarkSk(String noticeId) {
        return NOTICE_MARK_PREFIX + noticeId;
    }

    /** A unit's inbox (我的任务's flags): what changed on its tasks that it has not seen. */
    public static String inboxPk(int year, String unitId) {
        return planPk(year) + SEPARATOR + "INBOX" + SEPARATOR + id(unitId);
    }

    /** An inbox entry: {@code <taskId>#<kind>#<key>}, so a task's entries share a prefix. */
    public static String inboxSk(String taskId, String kind, String key) {
        return inboxOfTaskPrefix(taskId) + id(kind) + SEPARATOR + key;
    }

    public static String inboxOfTaskPrefix(String taskId) {
        return id(taskId) + SEPARATOR;
    }

    public static String readSk(String unitId, String instructionKey) {
        return READ_PREFIX + id(unitId) + SEPARATOR + instructionKey;
    }

    // --- submission history ---

    /** Partition holding the history of one task. */
    public static String taskHistoryPk(int year, String taskId) {
        return planPk(year) + SEPARATOR + TASK_PREFIX + id(taskId);
    }

    public static String submissionSk(String unitId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isEmpty()) {
            throw new IllegalArgumentException("idempotency key is empty");
        }
        return submissionsOfUnitPrefix(unitId) + idempotencyKey;
    }

    public static String submissionsOfUnitPrefix(String unitId) {
        return SUBMISSION_PREFIX + id(unitId) + SEPARATOR;
    }

    /**
     * gsi1 sort key of a submission: per task, then time order, then key, within the unit's partition — so a
     * (task, unit) history page is one Query newest first ({@code begins_with SUB#<taskId>#}, reversed).
     */
    public static String submissionIndexSk(String taskId, Instant submittedAt, String idempotencyKey) {
        return submissionsOfTaskInUnitIndexPrefix(taskId) + time(submittedAt) + SEPARATOR + idempotencyKey;
    }

    public static String submissionsOfTaskInUnitIndexPrefix(String taskId) {
        return SUBMISSION_PREFIX + id(taskId) + SEPARATOR;
    }

    /** gsi2 partition of the submissions of one ISO week. */
    public static String weekPk(int year, String week) {
        return planPk(year) + SEPARATOR + "WEEK" + SEPARATOR + week;
    }

    public static String weekSk(Instant submittedAt, String taskId, String unitId) {
        return time(submittedAt) + SEPARATOR + id(taskId) + SEPARATOR + id(unitId);
    }

    // --- credentials, alerts, digests (written by other adapters) ---

    public static String credentialPk(String tokenSha256Hex) {
        return "CRED" + SEPARATOR + tokenSha256Hex;
    }

    public static String credentialIndexSk(String unitId, Instant issuedAt) {
        return id(unitId) + SEPARATOR + time(issuedAt);
    }

    /** A browser session, by the SHA-256 of its id (sort key {@link #SESSION}). */
    public static String sessionPk(String idSha256Hex) {
        return SESSION + SEPARATOR + idSha256Hex;
    }

    public static final String SESSION = "SESSION";

    /** A request for a sign-in link by email, by its random id (sort key {@link #LINK_REQUEST}). */
    public static String linkRequestPk(String requestId) {
        return LINK_REQUEST + SEPARATOR + requestId;
    }

    /** Also the prefix the stream's filter selects the requests by. */
    public static final String LINK_REQUEST = "LINKREQ";

    /**
     * A counter of one subject in one UTC window (sort key {@link #RATE_SUBMISSIONS}): the sign-in link requests of
     * an hour. Submissions are no longer counted here but on their credential item (DynamoCredentialRepository).
     */
    public static String submissionRatePk(String credentialSha256Hex, Instant minute) {
        return "RATE" + SEPARATOR + credentialSha256Hex + SEPARATOR
                + DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC).format(minute);
    }

    public static final String RATE_SUBMISSIONS = "SUBMISSIONS";

    public static String alertPk(int year) {
        return planPk(year) + SEPARATOR + "ALERT";
    }

    public static String alertSk(String taskId, String unitId, String rule, String occurrence) {
        return id(taskId) + SEPARATOR + id(unitId) + SEPARATOR + id(rule) + SEPARATOR + occurrence;
    }

    public static String digestPk(int year, String week) {
        return planPk(year) + SEPARATOR + "DIGEST" + SEPARATOR + week;
    }

    /** Sort key of a week's status snapshot, beside the week's digest records. */
    public static final String DIGEST_SNAPSHOT = "SNAPSHOT";
    /** gsi2 sort key prefix of unsent digests in the pending partition. */
    public static final String PENDING_DIGEST_PREFIX = "DIGEST#";

    /**
     * Sort key of a week's digest record: the recipient id ("coordinators", "unit:ganyu"). It may not be
     * the snapshot's sort key, which shares the partition.
     */
    public static String digestSk(String recipientId) {
        if (DIGEST_SNAPSHOT.equals(recipientId)) {
            throw new IllegalArgumentException("reserved recipient id: " + recipientId);
        }
        return id(recipientId);
    }

    /** gsi2 sort key of an unsent digest: {@code DIGEST#<week>#<recipientId>}. */
    public static String pendingDigestSk(String week, String recipientId) {
        return PENDING_DIGEST_PREFIX + week + SEPARATOR + digestSk(recipientId);
    }

    /** gsi2 partition of alerts and digests not yet delivered (sparse). */
    public static String pendingPk(int year) {
        return planPk(year) + SEPARATOR + "PENDING";
    }

    // --- the directory (units with their contacts, coordinator accounts, group robots) and the audit trail ---

    /** The one partition of the directory, read with one Query. */
    public static final String DIRECTORY = "DIR";
    public static final String DIRECTORY_UNIT_PREFIX = "UNIT#";
    public static final String DIRECTORY_COORDINATOR_PREFIX = "COORD#";

    public static String directoryUnitSk(String unitId) {
        return DIRECTORY_UNIT_PREFIX + id(unitId);
    }

    public static String directoryCoordinatorSk(String accountId) {
        return DIRECTORY_COORDINATOR_PREFIX + id(accountId);
    }

    /** A group robot's setting, by its audience's key ({@code coordinators}, {@code unit:<unitId>}). */
    public static final String DIRECTORY_CHAT_PREFIX = "CHAT#";

    public static String directoryChatSk(String audienceKey) {
        return DIRECTORY_CHAT_PREFIX + id(audienceKey);
    }

    /** A month of the audit trail, in Asia/Shanghai: {@code AUDIT#2026-12}. */
    public static String auditPk(java.time.YearMonth month) {
        return "AUDIT" + SEPARATOR + month;
    }

    /** The month (Asia/Shanghai) an instant falls in: the partition of an entry made then. */
    public static java.time.YearMonth auditMonth(Instant at) {
        return java.time.YearMonth.from(at.atZone(ZONE));
    }

    /** An entry's sort key: its id (derived from the action and its request, so a retry lands on it). */
    public static String auditSk(String entryId) {
        return id(entryId);
    }

    // --- holiday calendars: a year's official calendar, and the one warning that it is missing ---

    /** Partition of one year's holiday calendar and of the warning sent while it was missing. */
    public static String calendarPk(int year) {
        return "CALENDAR" + SEPARATOR + year;
    }

    /** Sort key of the year's calendar (the days of its notice). */
    public static final String CALENDAR = "CALENDAR";
    /** Sort key of the delivery record of the warning to operations that the year's calendar is missing. */
    public static final String CALENDAR_MISSING_WARNING = "MISSING-WARNING";

    // --- time and weeks ---

    /** ISO-8601 UTC with exactly three fraction digits, e.g. 2026-11-25T01:02:03.456Z. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static Instant parseTime(String text) {
        return Instant.parse(text);
    }

    /** ISO week-based year and week of the instant in Asia/Shanghai, e.g. "2026-W48". */
    public static String week(Instant instant) {
        return week(LocalDate.ofInstant(instant, ZONE));
    }

    public static String week(LocalDate dateInPlanZone) {
        return "%d-W%02d".formatted(dateInPlanZone.get(IsoFields.WEEK_BASED_YEAR),
                dateInPlanZone.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The weeks that [from, to) touches, oldest first; empty when the range is empty. */
    public static List<String> weeksBetween(Instant from, Instant to) {
        List<String> weeks = new ArrayList<>();
        if (!from.isBefore(to)) {
            return weeks;
        }
        LocalDate monday = LocalDate.ofInstant(from, ZONE)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (monday.atStartOfDay(ZONE).toInstant().isBefore(to)) {
            weeks.add(week(monday));
            monday = monday.plusWeeks(1);
        }
        return weeks;
    }

    private static String id(String id) {
        if (id == null || id.isEmpty() || id.contains(SEPARATOR)) {
            throw new IllegalArgumentException("An id used in a key must be non-empty and free of '"
                    + SEPARATOR + "': " + id);
        }
        return id;
    }
}
