package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Outcome;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attaches evidence files to one of the unit's own reports and serves them back to those who may read the task.
 *
 * <p>Who may touch which file is decided from the caller and the route only: the report is the caller's own
 * ({@link ReportRef} of the plan's year, the route's task, the caller's unit and the route's report, each matched
 * against its grammar), and every key is built from it or matched against it ({@link EvidenceKeys}). A direct
 * upload (S3) must come with the ticket issued for that very report, and a ticket attaches one object only.
 *
 * <p>Order of writes, so that a crash at any point leaves nothing that a retry or the daily cleanup does not
 * repair: bytes stored, then the report's slots reserved (one conditional write, so concurrent uploads never exceed
 * {@link EvidenceRules#MAX_FILES_PER_REPORT}), then the file recorded. Bytes without a record are deleted by
 * {@link #cleanUpUnattached}, which also gives back their slots.
 */
public class AttachEvidence {

    /** How long a direct upload form may be used. */
    public static final Duration UPLOAD_FORM_TTL = Duration.ofMinutes(30);
    /** How long a signed download link lives. */
    public static final Duration LINK_TTL = Duration.ofMinutes(5);

    private static final Outcome.NotFound<?> UPLOAD_NOT_FOUND = new Outcome.NotFound<>("UPLOAD_NOT_FOUND", "未找到该上传文件");

    private final EvidenceStore store;
    private final EvidenceRepository records;
    private final ProgressRepository progress;
    private final Clock clock;

    public AttachEvidence(EvidenceStore store, EvidenceRepository records, ProgressRepository progress, Clock clock) {
        this.store = store;
        this.records = records;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Files received by the application (the form, or the API's multipart). Every file is checked before the first
     * is stored. A file already attached to the report (the same content) is not stored again: sending the same
     * request twice attaches its files once ({@code replayed} when nothing new was attached).
     */
    public Outcome<List<EvidenceFile>> attach(Plan plan, Principal who, String taskId, String reportKey,
                                              List<EvidenceRules.Upload> uploads) {
        Outcome<ReportRef> own = ownReport(plan, who, taskId, reportKey);
        if (!(own instanceof Outcome.Done<ReportRef> done)) {
            return refusal(own);
        }
        ReportRef report = done.value();
        List<EvidenceRules.Checked> checked = new ArrayList<>();
        List<FieldError> errors = EvidenceRules.check(uploads, checked);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        List<EvidenceFile> existing = records.files(report);
        Map<String, EvidenceFile> byId = existing.stream()
                .collect(Collectors.toMap(EvidenceFile::fileId, f -> f, (a, b) -> a, LinkedHashMap::new));
        List<EvidenceFile> answer = new ArrayList<>();
        Map<String, EvidenceRules.Checked> fresh = new LinkedHashMap<>();
        Map<String, EvidenceFile> freshFiles = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (EvidenceRules.Checked c : checked) {
            String fileId = EvidenceKeys.contentId(c.upload().sha256());
            EvidenceFile file = byId.containsKey(fileId) ? byId.get(fileId) : freshFiles.computeIfAbsent(fileId, id -> {
                fresh.put(id, c);
                return new EvidenceFile(report.year(), report.taskId(), report.unitId(), report.reportKey(), id,
                        c.savedName(), c.type(), c.upload().size(), EvidenceKeys.storageKey(report, id, c.type()), now);
            });
            if (!answer.contains(file)) {
                answer.add(file);
            }
        }
        return storeAndRecord(report, existing, answer, freshFiles, f -> {
            EvidenceRules.Upload u = fresh.get(f.fileId()).upload();
            store.put(f.storageKey(), u.content(), u.size(), f.type().contentType());
        });
    }

    /**
     * The files named by {@code fileIds} of the caller's own report {@code fromKey} on the task (a returned report
     * whose files a resubmission keeps): checked before the new report is stored, so a form naming a file that is
     * not one of them (another unit's, another report's, made up) stores nothing. Invalid CARRY_FILE_NOT_FOUND.
     */
    public Outcome<List<EvidenceFile>> previousFiles(Plan plan, Principal who, String taskId, String fromKey,
                                                     java.util.Collection<String> fileIds) {
        Outcome<ReportRef> own = ownReport(plan, who, taskId, fromKey);
        if (!(own instanceof Outcome.Done<ReportRef> done)) {
            return own instanceof Outcome.NotFound<ReportRef> ? carryNotFound() : refusal(own);
        }
        Map<String, EvidenceFile> byId = records.files(done.value()).stream()
                .collect(Collectors.toMap(EvidenceFile::fileId, f -> f, (a, b) -> a, LinkedHashMap::new));
        List<EvidenceFile> answer = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(fileIds)) {
            EvidenceFile f = byId.get(id);
            if (f == null) {
                return carryNotFound();
            }
            answer.add(f);
        }
        return new Outcome.Done<>(answer, false);
    }

    /**
     * Attaches to the caller's report {@code toKey} copies of the files {@code fileIds} of the caller's earlier
     * report {@code fromKey} (checked as {@link #previousFiles}): same file id, same safe name, the bytes copied to
     * the new report's key, in the order of {@link #attach} (copy, reserve, record). Idempotent: a file already
     * attached to the new report is not copied again ({@code replayed} when nothing new was attached). The per-report
     * cap holds: Invalid TOO_MANY_FILES, nothing copied.
     */
    public Outcome<List<EvidenceFile>> carryOver(Plan plan, Principal who, String taskId, String fromKey,
                                                 String toKey, java.util.Collection<String> fileIds) {
        Outcome<ReportRef> own = ownReport(plan, who, taskId, toKey);
        if (!(own instanceof Outcome.Done<ReportRef> done)) {
            return refusal(own);
        }
        ReportRef report = done.value();
        if (fromKey.equals(toKey)) {
            return carryNotFound();
        }
        Outcome<List<EvidenceFile>> previous = previousFiles(plan, who, taskId, fromKey, fileIds);
        if (!(previous instanceof Outcome.Done<List<EvidenceFile>> from)) {
            return previous;
        }
        List<EvidenceFile> existing = records.files(report);
        Map<String, EvidenceFile> byId = existing.stream()
                .collect(Collectors.toMap(EvidenceFile::fileId, f -> f, (a, b) -> a, LinkedHashMap::new));
        List<EvidenceFile> answer = new ArrayList<>();
        Map<String, EvidenceFile> fresh = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        Instant now = clock.instant();
        for (EvidenceFile f : from.value()) {
            EvidenceFile file = byId.get(f.fileId());
            if (file == null) {
                file = new EvidenceFile(report.year(), report.taskId(), report.unitId(), report.reportKey(),
                        f.fileId(), f.displayName(), f.type(), f.size(),
                        EvidenceKeys.storageKey(report, f.fileId(), f.type()), now);
                fresh.put(f.fileId(), file);
                sources.put(f.fileId(), f.storageKey());
            }
            answer.add(file);
        }
        return storeAndRecord(report, existing, answer, fresh,
                f -> store.copy(sources.get(f.fileId()), f.storageKey(), f.type().contentType()));
    }

    /**
     * The common end of an upload and a carry-over: within the cap, each fresh file's object written
     * ({@code write}), its slot reserved, then recorded. All or nothing: a refused reservation or a failure deletes
     * the objects written. {@code replayed} when nothing was fresh.
     */
    private Outcome<List<EvidenceFile>> storeAndRecord(ReportRef report, List<EvidenceFile> existing,
                                                       List<EvidenceFile> answer, Map<String, EvidenceFile> fresh,
                                                       java.util.function.Consumer<EvidenceFile> write) {
        if (fresh.isEmpty()) {
            return new Outcome.Done<>(answer, true);
        }
        if (existing.size() + fresh.size() > EvidenceRules.MAX_FILES_PER_REPORT) {
            return new Outcome.Invalid<>(List.of(EvidenceRules.tooMany(existing.size())));
        }
        java.util.Set<String> existingIds = existing.stream().map(EvidenceFile::fileId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> stored = new ArrayList<>();
        try {
            for (EvidenceFile f : fresh.values()) {
                write.accept(f);
                stored.add(f.storageKey());
            }
            if (!records.reserve(report, fresh.keySet(), existingIds, EvidenceRules.MAX_FILES_PER_REPORT)) {
                stored.forEach(store::delete);
                return new Outcome.Invalid<>(List.of(EvidenceRules.tooMany(records.files(report).size())));
            }
        } catch (RuntimeException e) {
            stored.forEach(store::delete); // nothing half-written
            throw e;
        }
        recordAll(report, fresh.values());
        return new Outcome.Done<>(answer, false);
    }

    private static <T> Outcome<T> carryNotFound() {
        return new Outcome.Invalid<>(List.of(new FieldError("carry", "CARRY_FILE_NOT_FOUND",
                "要沿用的佐证材料不属于本单位上一次填报，请重新打开任务页面填报")));
    }

    /** Records the files whose slots are reserved; on a failure the unrecorded ones are removed and released. */
    private void recordAll(ReportRef report, java.util.Collection<EvidenceFile> files) {
        List<EvidenceFile> pending = new ArrayList<>(files);
        try {
            while (!pending.isEmpty()) {
                records.recordFile(pending.get(0));
                pending.remove(0);
            }
        } catch (RuntimeException e) {
            pending.forEach(f -> store.delete(f.storageKey()));
            records.release(report, pending.stream().map(EvidenceFile::fileId).collect(Collectors.toSet()));
            throw e;
        }
    }

    /** Whether files go from the browser straight to the store (S3) rather than through the application. */
    public boolean directUploads() {
        return store.signsUploads();
    }

    /** A direct upload form with the ticket it was issued under (the confirmation route names the ticket). */
    public record UploadForm(String uploadId, EvidenceStore.DirectUpload form) {
    }

    /**
     * A form posting one file straight to the store (S3) for one of the unit's reports, and its ticket; the store
     * redirects back to {@code confirm(uploadId)}. NotFound EVIDENCE_DIRECT_UNAVAILABLE where the application
     * receives files itself.
     */
    public Outcome<UploadForm> uploadForm(Plan plan, Principal who, String taskId, String reportKey,
                                          java.util.function.Function<String, URI> confirm) {
        Outcome<ReportRef> own = ownReport(plan, who, taskId, reportKey);
        if (!(own instanceof Outcome.Done<ReportRef> done)) {
            return refusal(own);
        }
        ReportRef report = done.value();
        if (!store.signsUploads()) {
            return new Outcome.NotFound<>("EVIDENCE_DIRECT_UNAVAILABLE", "此处请直接通过表单上传文件");
        }
        int attached = records.files(report).size();
        if (attached >= EvidenceRules.MAX_FILES_PER_REPORT) {
            return new Outcome.Invalid<>(List.of(EvidenceRules.tooMany(attached)));
        }
        String uploadId = newId();
        records.issue(new UploadTicket(report, uploadId, clock.instant(), null));
        EvidenceStore.DirectUpload form = store.directUpload(EvidenceKeys.uploadPrefix(report, uploadId),
                confirm.apply(uploadId), UPLOAD_FORM_TTL).orElseThrow();
        return new Outcome.Done<>(new UploadForm(uploadId, form), false);
    }

    /**
     * Attaches a file the browser posted straight to the store. {@code uploadedKey} (what the store's redirect or
     * the API client names) must be exactly a staging key of the caller's own report, under a ticket issued for
     * that report — and, where the route names the ticket ({@code uploadId}, from the signed redirect), under that
     * one. Anything else is UPLOAD_NOT_FOUND and touches no object. The object's size and first bytes are checked
     * (type by content); a refused file is deleted. Idempotent: confirming the same upload again answers the
     * recorded file; a second object posted under a used ticket is refused (UPLOAD_USED).
     */
    public Outcome<EvidenceFile> confirmUpload(Plan plan, Principal who, String taskId, String reportKey,
                                               String uploadId, String uploadedKey) {
        Outcome<ReportRef> own = ownReport(plan, who, taskId, reportKey);
        if (!(own instanceof Outcome.Done<ReportRef> done)) {
            return refusal(own);
        }
        ReportRef report = done.value();
        Optional<EvidenceKeys.StagedUpload> parsed = EvidenceKeys.parseStaged(uploadedKey)
                .filter(s -> s.report().equals(report) && (uploadId == null || uploadId.equals(s.id())));
        if (parsed.isEmpty()) {
            return notFound();
        }
        EvidenceKeys.StagedUpload staged = parsed.get();
        List<EvidenceFile> existing = records.files(report);
        Optional<EvidenceFile> attached = existing.stream().filter(f -> f.fileId().equals(staged.id())).findFirst();
        Optional<UploadTicket> ticket = records.ticket(report, staged.id());
        if (attached.isPresent() && ticket.map(t -> staged.name().equals(t.claimedName())).orElse(false)) {
            store.delete(staged.key()); // a retry after the record: the staging copy may still be there
            return new Outcome.Done<>(attached.get(), true);
        }
        if (ticket.isEmpty() || ticket.get().issuedAt().plus(EvidenceRules.UNATTACHED_AFTER).isBefore(clock.instant())) {
            return notFound();
        }
        Optional<Long> size = store.size(staged.key());
        if (size.isEmpty()) {
            return notFound(); // checked before the claim: a name that was never posted does not use the ticket up
        }
        switch (records.claim(report, staged.id(), staged.name())) {
            case MISSING -> {
                return notFound();
            }
            case TAKEN -> {
                store.delete(staged.key()); // another object of the same form: it can never be attached
                return new Outcome.Conflict<>("UPLOAD_USED", "这次上传已经用过，请重新打开上传页面再上传");
            }
            case CLAIMED -> {
            }
        }
        byte[] head = store.head(staged.key(), EvidenceRules.TYPE_PROBE_BYTES).orElse(new byte[0]);
        Optional<FieldError> error = EvidenceRules.checkStored(staged.name(), size.get(), head);
        Set<String> recorded = existing.stream().map(EvidenceFile::fileId).collect(Collectors.toSet());
        if (error.isEmpty() && (existing.size() >= EvidenceRules.MAX_FILES_PER_REPORT
                || !records.reserve(report, Set.of(staged.id()), recorded, EvidenceRules.MAX_FILES_PER_REPORT))) {
            error = Optional.of(EvidenceRules.tooMany(existing.size()));
        }
        if (error.isPresent()) {
            store.delete(staged.key()); // refused: nothing stays behind
            return new Outcome.Invalid<>(List.of(error.get()));
        }
        EvidenceType type = EvidenceType.detect(head, staged.name()).orElseThrow();
        String key = EvidenceKeys.storageKey(report, staged.id(), type);
        EvidenceFile file = new EvidenceFile(report.year(), report.taskId(), report.unitId(), report.reportKey(),
                staged.id(), EvidenceNames.saved(EvidenceNames.label(staged.name()).orElseThrow(), type), type,
                size.get(), key, clock.instant());
        store.copy(staged.key(), key, type.contentType());
        try {
            records.recordFile(file);
        } catch (RuntimeException e) {
            store.delete(key); // the staging object and the slot stay for a retry (or the cleanup)
            throw e;
        }
        store.delete(staged.key());
        return new Outcome.Done<>(file, false);
    }

    /**
     * Deletes uploads never attached: a direct upload still in its staging place after {@code olderThan}, and a
     * stored file without a record (a crash between store and record) of the same age, giving back their slots.
     * Keys that are not exactly ours are left alone. Safe to run twice. Returns how many objects were deleted.
     */
    public int cleanUpUnattached(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        Map<ReportRef, Set<String>> recordedByReport = new HashMap<>();
        int removed = 0;
        for (String key : store.list(EvidenceKeys.ROOT)) {
            Optional<EvidenceKeys.Parsed> parsed = EvidenceKeys.parse(key);
            if (parsed.isEmpty()) {
                continue; // not one of ours
            }
            ReportRef report = parsed.get().report();
            Set<String> recorded = recordedByReport.computeIfAbsent(report, r -> records.files(r).stream()
                    .map(EvidenceFile::storageKey).collect(Collectors.toSet()));
            if (recorded.contains(key)) {
                continue;
            }
            Optional<Instant> at = store.storedAt(key);
            if (at.isPresent() && at.get().isBefore(cutoff)) {
                store.delete(key);
                String id = parsed.get().id();
                if (recorded.stream().noneMatch(k -> EvidenceKeys.parse(k).map(p -> p.id().equals(id)).orElse(false))) {
                    records.release(report, Set.of(id));
                }
                removed++;
            }
        }
        return removed;
    }

    /** A report's files, for a coordinator or the unit that made it (the confirmation page); empty otherwise. */
    public List<EvidenceFile> files(Plan plan, Principal who, String taskId, String unitId, String reportKey) {
        Optional<PlanTask> task = plan.task(taskId);
        Optional<ReportRef> report = ReportRef.of(plan.year(), taskId, unitId, reportKey);
        if (task.isEmpty() || report.isEmpty() || !who.maySee(task.get())
                || (!who.coordinator() && !unitId.equals(who.unitId()))) {
            return List.of();
        }
        return records.files(report.get());
    }

    /** A file's record and bytes, for a coordinator or the unit that uploaded it. */
    public Optional<Download> download(Plan plan, Principal who, String taskId, String unitId, String reportKey,
                                       String fileId) {
        Optional<PlanTask> task = plan.task(taskId);
        Optional<ReportRef> report = ReportRef.of(plan.year(), taskId, unitId, reportKey);
        if (task.isEmpty() || report.isEmpty() || !EvidenceKeys.validId(fileId) || !who.maySee(task.get())
                || (!who.coordinator() && !unitId.equals(who.unitId()))) {
            return Optional.empty();
        }
        return records.files(report.get()).stream()
                .filter(f -> f.fileId().equals(fileId)).findFirst()
                .flatMap(f -> store.downloadUrl(f.storageKey(), f.displayName(), LINK_TTL)
                        .map(link -> Optional.of(new Download(f, null, link)))
                        .orElseGet(() -> store.get(f.storageKey()).map(bytes -> new Download(f, bytes, null))));
    }

    /** Either a signed link to the store ({@code link}) or the bytes themselves ({@code content}). */
    public record Download(EvidenceFile file, EvidenceRules.Content content, URI link) {
    }

    /** The caller's own report on the task, or why not: unknown task, not responsible, no such report. */
    private Outcome<ReportRef> ownReport(Plan plan, Principal who, String taskId, String reportKey) {
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_TASK", Plan.noSuchTask(String.valueOf(taskId)));
        }
        if (!who.mayReport(task.get())) {
            return new Outcome.Forbidden<>("NOT_RESPONSIBLE", "只有任务的责任单位可以上传佐证材料");
        }
        Optional<ReportRef> report = ReportRef.of(plan.year(), taskId, who.unitId(), reportKey);
        if (report.isEmpty() || progress.find(plan.year(), taskId, who.unitId(), reportKey).isEmpty()) {
            return new Outcome.NotFound<>("SUBMISSION_NOT_FOUND", "未找到该填报记录");
        }
        return new Outcome.Done<>(report.get(), false);
    }

    @SuppressWarnings("unchecked")
    private static <T> Outcome<T> refusal(Outcome<ReportRef> refused) {
        return (Outcome<T>) refused; // a refusal carries no value: the same record serves any value type
    }

    @SuppressWarnings("unchecked")
    private static <T> Outcome<T> notFound() {
        return (Outcome<T>) UPLOAD_NOT_FOUND;
    }

    private static String newId() {
        return Tokens.newToken().substring(0, 16).replaceAll("[^A-Za-z0-9]", "x");
    }
}
