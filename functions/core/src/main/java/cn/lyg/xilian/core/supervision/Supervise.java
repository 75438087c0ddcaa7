package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.progress.IdempotencyKey;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Submission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The supervision loop's rules: review (通过 / 退回), deadline extensions (延期申请) and instructions (督办意见).
 * Every input is validated before anything is written; every write is idempotent under the caller's key. Every
 * review, decision and instruction goes on the audit trail once it is stored, and again on a replay (a crash between
 * the write and the record heals on the retry; the entry's id is the record's own key, so it is one entry).
 */
public class Supervise {

    public static final int MAX_REASON = 500;
    public static final int MAX_INSTRUCTION = 1000;

    private final ReviewRepository reviews;
    private final ExtensionRepository extensions;
    private final InstructionRepository instructions;
    private final SupervisionRecords records;
    private final ProgressRepository progress;
    private final Clock clock;
    private final ReviewListener listener;
    private final UnitInbox inbox;
    private final AuditLog audit;

    public Supervise(ReviewRepository reviews, ExtensionRepository extensions, InstructionRepository instructions,
                     SupervisionRecords records, ProgressRepository progress, Clock clock, ReviewListener listener) {
        this(reviews, extensions, instructions, records, progress, clock, listener, UnitInbox.NONE);
    }

    public Supervise(ReviewRepository reviews, ExtensionRepository extensions, InstructionRepository instructions,
                     SupervisionRecords records, ProgressRepository progress, Clock clock, ReviewListener listener,
                     UnitInbox inbox) {
        this(reviews, extensions, instructions, records, progress, clock, listener, inbox, AuditLog.NONE);
    }

    public Supervise(ReviewRepository reviews, ExtensionRepository extensions, InstructionRepository instructions,
                     SupervisionRecords records, ProgressRepository progress, Clock clock, ReviewListener listener,
                     UnitInbox inbox, AuditLog audit) {
        this.audit = audit;
        this.inbox = inbox;
        this.reviews = reviews;
        this.extensions = extensions;
        this.instructions = instructions;
        this.records = records;
        this.progress = progress;
        this.clock = clock;
        this.listener = listener;
    }

    /** A coordinator's verdict on one submission of (task, unit). */
    public Outcome<Review> review(Plan plan, Principal who, String taskId, String unitId, String submissionKey,
                                  String decisionRaw, String reasonRaw, String key) {
        if (!who.coordinator()) {
            return new Outcome.Forbidden<>("COORDINATOR_ONLY", "仅市发改委统筹人员可以审核填报");
        }
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_TASK", Plan.noSuchTask(taskId));
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<ReviewDecision> decision = ReviewDecision.parse(decisionRaw);
        if (decision.isEmpty()) {
            errors.add(new FieldError("decision", "DECISION_INVALID", "请选择“通过”或“退回”"));
        }
        String reason = text("reason", "退回原因", reasonRaw, MAX_REASON, decision.orElse(null) == ReviewDecision.RETURNED,
                errors);
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Optional<Submission> submission = progress.find(plan.year(), taskId, unitId, submissionKey);
        if (submission.isEmpty()) {
            return new Outcome.NotFound<>("SUBMISSION_NOT_FOUND", "未找到该填报记录");
        }
        Review review = new Review(plan.year(), taskId, unitId, submissionKey, decision.get(), reason, key,
                clock.instant());
        // The request key first, as for a progress report: a key names one request, so the same key with other
        // content is refused, while a retry goes on and heals a write a crash interrupted.
        if (reviews.claimReviewKey(review) instanceof Write.Taken<Review> k && !k.value().sameContent(review)) {
            return new Outcome.Conflict<>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于内容不同的审核，未保存");
        }
        return switch (reviews.review(review)) {
            case Write.Stored<Review> s -> {
                reviewed(who, s.value());
                if (s.value().returned()) {
                    listener.returned(s.value());
                }
                yield new Outcome.Done<>(s.value(), false);
            }
            // The same verdict again (also under another, new key) is a retry; another verdict is refused.
            case Write.Taken<Review> t -> t.value().sameContent(review) ? reviewedAgain(who, t.value())
                    : new Outcome.Conflict<>("ALREADY_REVIEWED",
                    "该填报已于" + t.value().reviewedAt() + "审核为“" + t.value().decision().label() + "”，不能更改");
        };
    }

    /** A unit asks for a later deadline on one of its tasks. */
    public Outcome<Extension> requestExtension(Plan plan, Principal who, String taskId, String dateRaw,
                                               String reasonRaw, String key) {
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_TASK", Plan.noSuchTask(taskId));
        }
        if (!who.mayReport(task.get())) {
            return new Outcome.Forbidden<>("NOT_RESPONSIBLE", "只有任务的责任单位可以申请延期");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date("date", dateRaw, errors);
        if (date != null && !date.isAfter(task.get().deadline())) {
            errors.add(new FieldError("date", "DATE_NOT_LATER", "申请的完成时间须晚于原定时间"
                    + ChineseDates.chinese(task.get().deadline())));
            date = null;
        }
        String reason = text("reason", "延期理由", reasonRaw, MAX_REASON, true, errors);
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Extension request = new Extension(plan.year(), taskId, who.unitId(), key, task.get().deadline(), date, reason,
                clock.instant(), null, null, null, null);
        return switch (extensions.requestExtension(request)) {
            case Write.Stored<Extension> s -> new Outcome.Done<>(s.value(), false);
            case Write.Taken<Extension> t -> t.value().sameRequest(request) ? new Outcome.Done<>(t.value(), true)
                    : t.value().key().equals(key)
                    ? new Outcome.Conflict<>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于内容不同的延期申请")
                    : new Outcome.Conflict<>("EXTENSION_PENDING", "本单位在该任务上已有待审批的延期申请");
        };
    }

    /** Coordinators approve (possibly with another date) or reject a pending request, with a note. */
    public Outcome<Extension> decideExtension(Plan plan, Principal who, String taskId, String unitId,
                                              String requestKey, boolean approve, String dateRaw, String noteRaw) {
        if (!who.coordinator()) {
            return new Outcome.Forbidden<>("COORDINATOR_ONLY", "仅市发改委统筹人员可以审批延期申请");
        }
        Optional<Extension> found = extensions.extension(plan.year(), taskId, unitId, requestKey);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("EXTENSION_NOT_FOUND", "未找到该延期申请");
        }
        Extension request = found.get();
        List<FieldError> errors = new ArrayList<>();
        LocalDate granted = null;
        if (approve) {
            granted = dateRaw == null || dateRaw.isBlank() ? request.requestedDate() : date("date", dateRaw, errors);
            if (granted != null && !granted.isAfter(request.planDeadline())) {
                errors.add(new FieldError("date", "DATE_NOT_LATER", "批准的完成时间须晚于原定时间"));
            }
        }
        String note = text("note", "审批意见", noteRaw, MAX_REASON, !approve, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Extension decided = request.decided(approve ? Extension.Decision.APPROVED : Extension.Decision.REJECTED,
                granted, note, clock.instant());
        return switch (extensions.decideExtension(decided)) {
            case Write.Stored<Extension> s -> {
                decided(who, s.value());
                toInbox(s.value());
                listener.extensionDecided(s.value());
                yield new Outcome.Done<>(s.value(), false);
            }
            // A replay completes the inbox entry a crash may have left unwritten (the put is idempotent).
            case Write.Taken<Extension> t -> t.value().sameDecision(decided) ? replayed(who, t.value())
                    : new Outcome.Conflict<>("EXTENSION_DECIDED",
                    "该延期申请已处理（" + t.value().decision().label() + "），不能更改");
        };
    }

    /** A coordinator's instruction for every unit of the task ({@code unitId} null or blank) or one of them. */
    public Outcome<Instruction> instruct(Plan plan, Principal who, String taskId, String unitIdRaw, String textRaw,
                                         String key) {
        if (!who.coordinator()) {
            return new Outcome.Forbidden<>("COORDINATOR_ONLY", "仅市发改委统筹人员可以下达督办意见");
        }
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_TASK", Plan.noSuchTask(taskId));
        }
        List<FieldError> errors = new ArrayList<>();
        String unitId = unitIdRaw == null || unitIdRaw.isBlank() ? null : unitIdRaw.strip();
        if (unitId != null && !task.get().isResponsible(unitId)) {
            errors.add(new FieldError("unit", "UNIT_NOT_RESPONSIBLE", "该单位不是本任务的责任单位"));
        }
        String text = text("text", "督办意见", textRaw, MAX_INSTRUCTION, true, errors);
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Instruction instruction = new Instruction(plan.year(), taskId, unitId, key, text, clock.instant());
        Set<String> addressees = unitId == null ? Set.copyOf(task.get().unitIds()) : Set.of(unitId);
        return switch (instructions.instruct(instruction, addressees)) {
            case Write.Stored<Instruction> s -> {
                instructed(who, s.value());
                toInbox(plan, task.get(), s.value());
                listener.instructed(s.value());
                yield new Outcome.Done<>(s.value(), false);
            }
            case Write.Taken<Instruction> t -> t.value().sameContent(instruction)
                    ? replayed(who, plan, task.get(), t.value())
                    : new Outcome.Conflict<>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于内容不同的督办意见");
        };
    }

    /**
     * The task's supervision record as {@code who} may see it; a unit opening it marks its unread instructions
     * read.
     */
    public TaskSupervision open(Plan plan, Principal who, PlanTask task) {
        TaskSupervision all = records.ofTask(plan.year(), task.id());
        if (who.coordinator() || who.unitId() == null) {
            return all;
        }
        String unit = who.unitId();
        List<String> unread = all.instructionsFor(unit).stream().filter(i -> !all.read(unit, i))
                .map(Instruction::key).toList();
        if (!unread.isEmpty()) {
            instructions.markRead(plan.year(), task.id(), unit, unread, clock.instant());
        }
        inbox.clearTask(plan.year(), unit, task.id());
        return new TaskSupervision(task.id(),
                all.reviews().entrySet().stream().filter(e -> e.getValue().unitId().equals(unit))
                        .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)),
                all.extensionsOf(unit), all.instructionsFor(unit), all.readKeys(),
                all.files().stream().filter(f -> f.unitId().equals(unit)).toList());
    }

    /** What waits across the plan year: pending extension requests and instructions not yet read by everyone. */
    public Waiting waiting(Plan plan) {
        return records.waiting(plan.year());
    }

    /** The unit's new things since it last looked (我的任务's flags), one read for all its tasks. */
    public List<UnitInbox.Entry> news(Plan plan, Principal who) {
        return who.unitId() == null ? List.of() : inbox.entries(plan.year(), who.unitId());
    }

    private Outcome<Extension> replayed(Principal who, Extension e) {
        decided(who, e);
        toInbox(e);
        return new Outcome.Done<>(e, true);
    }

    private Outcome<Instruction> replayed(Principal who, Plan plan, PlanTask task, Instruction i) {
        instructed(who, i);
        toInbox(plan, task, i);
        return new Outcome.Done<>(i, true);
    }

    private Outcome<Review> reviewedAgain(Principal who, Review r) {
        reviewed(who, r);
        return new Outcome.Done<>(r, true);
    }

    // --- the audit trail: one entry per review (of a report), decision (of a request), instruction (its key) ---

    private void reviewed(Principal who, Review r) {
        String target = "task:" + r.taskId() + "/unit:" + r.unitId();
        String after = r.returned() ? "退回：" + shortText(r.reason()) : r.decision().label();
        audit.record(AuditEntry.of(AuditTrail.entryId(AuditAction.REPORT_REVIEWED, target, r.submissionKey()),
                r.reviewedAt(), who, AuditAction.REPORT_REVIEWED, target, "待审核", after));
    }

    private void decided(Principal who, Extension e) {
        String target = "task:" + e.taskId() + "/unit:" + e.unitId();
        String before = "待审批：申请将完成时间由" + ChineseDates.chinese(e.planDeadline()) + "延至"
                + ChineseDates.chinese(e.requestedDate());
        String after = e.approved() ? "批准：完成时间延至" + ChineseDates.chinese(e.grantedDate())
                + (e.note() == null || e.note().isBlank() ? "" : "；意见：" + shortText(e.note()))
                : "不予批准：" + shortText(e.note());
        audit.record(AuditEntry.of(AuditTrail.entryId(AuditAction.EXTENSION_DECIDED, target, e.key()),
                e.decidedAt(), who, AuditAction.EXTENSION_DECIDED, target, before, after));
    }

    private void instructed(Principal who, Instruction i) {
        String target = "task:" + i.taskId() + (i.unitId() == null ? "" : "/unit:" + i.unitId());
        String after = (i.unitId() == null ? "致全部责任单位：" : "") + shortText(i.text());
        audit.record(AuditEntry.of(AuditTrail.entryId(AuditAction.INSTRUCTION_ISSUED, target, i.key()),
                i.issuedAt(), who, AuditAction.INSTRUCTION_ISSUED, target, null, after));
    }

    /** The trail keeps a readable excerpt; the full text stays in the task's record. */
    private static String shortText(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.codePointCount(0, t.length()) > 200 ? t.substring(0, t.offsetByCodePoints(0, 200)) + "…" : t;
    }

    private void toInbox(Extension e) {
        String summary = e.approved() ? "延期申请已批准：" + deadlineText(e.planDeadline(), e.grantedDate())
                : "延期申请未获批准";
        inbox.add(e.planYear(), e.unitId(), new UnitInbox.Entry(e.taskId(), UnitInbox.Entry.Kind.DECISION, e.key(),
                summary, e.decidedAt()));
    }

    private void toInbox(Plan plan, PlanTask task, Instruction i) {
        String text = i.text().strip().replaceAll("\\s+", " ");
        String summary = "新督办意见：" + (text.codePointCount(0, text.length()) > 40
                ? text.substring(0, text.offsetByCodePoints(0, 40)) + "…" : text);
        List<String> units = i.unitId() != null ? List.of(i.unitId()) : task.unitIds();
        for (String unit : units) {
            inbox.add(plan.year(), unit, new UnitInbox.Entry(i.taskId(), UnitInbox.Entry.Kind.INSTRUCTION, i.key(),
                    summary, i.issuedAt()));
        }
    }

    private static void key(String key, List<FieldError> errors) {
        if (!IdempotencyKey.isValid(key)) {
            errors.add(IdempotencyKey.INVALID);
        }
    }

    private static LocalDate date(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "DATE_REQUIRED", "请填写日期（如2026-12-31）"));
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "DATE_INVALID", "日期格式应为“年-月-日”，如2026-12-31"));
            return null;
        }
    }

    private static String text(String field, String label, String raw, int max, boolean required,
                               List<FieldError> errors) {
        return cn.lyg.xilian.core.progress.TextInput.clean(field, label, raw, max, required, "REASON_REQUIRED",
                "TEXT_TOO_LONG", errors);
    }

    /** Chinese dates as the rest of the product writes them. */
    static final class ChineseDates {
        static String chinese(LocalDate d) {
            return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
    }

    /** "原定12月31日，经批准延期至2027年1月31日" — the plan's date stays visible beside the approved one. */
    public static String deadlineText(LocalDate plan, LocalDate extended) {
        if (extended == null || extended.equals(plan)) {
            return plan.getYear() + "年" + ChineseDates.chinese(plan);
        }
        String to = (extended.getYear() != plan.getYear() ? extended.getYear() + "年" : "")
                + ChineseDates.chinese(extended);
        return "原定" + ChineseDates.chinese(plan) + "，经批准延期至" + to;
    }

}
