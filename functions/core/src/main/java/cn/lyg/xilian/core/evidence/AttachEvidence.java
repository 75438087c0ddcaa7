package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.supervision.SupervisionRepository;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.supervision.Outcome;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attaches evidence files to one of the unit's reports and serves them back to those who may read the task.
 * Every file is checked before the first is stored; a file is stored, then recorded; a failed record removes the
 * file again, and {@link #cleanUp} removes files whose record never came (a crash in between).
 */
public class AttachEvidence {

    private final EvidenceStore store;
    private final SupervisionRepository records;
    private final ProgressRepository progress;
    private final Clock clock;

    public AttachEvidence(EvidenceStore store, SupervisionRepository records, ProgressRepository progress, Clock clock) {
        this.store = store;
        this.records = records;
        this.progress = progress;
        this.clock = clock;
    }

    public Outcome<List<EvidenceFile>> attach(Plan plan, Principal who, String taskId, String reportKey,
                                              List<EvidenceRules.Upload> uploads) {
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_TASK", Plan.noSuchTask(taskId));
        }
        if (!who.mayReport(task.get())) {
            return new Outcome.Forbidden<>("NOT_RESPONSIBLE", "只有任务的责任单位可以上传佐证材料");
        }
        String unitId = who.unitId();
        if (progress.find(plan.year(), taskId, unitId, reportKey).isEmpty()) {
            return new Outcome.NotFound<>("SUBMISSION_NOT_FOUND", "未找到该填报记录");
        }
        List<EvidenceFile> existing = records.files(plan.year(), taskId, unitId, reportKey);
        List<EvidenceRules.Checked> checked = new ArrayList<>();
        List<FieldError> errors = EvidenceRules.check(uploads, existing.size(), checked);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        List<EvidenceFile> stored = new ArrayList<>();
        for (EvidenceRules.Checked c : checked) {
            String fileId = newFileId();
            String key = EvidenceRules.storageKey(plan.year(), taskId, unitId, reportKey, fileId, c.type());
            EvidenceFile file = new EvidenceFile(plan.year(), taskId, unitId, reportKey, fileId, c.displayName(),
                    c.type(), c.content().length, key, clock.instant());
            store.put(key, c.content(), c.type().contentType());
            try {
                records.recordFile(file);
            } catch (RuntimeException e) {
                store.delete(key); // nothing half-written
                throw e;
            }
            stored.add(file);
        }
        return new Outcome.Done<>(stored, false);
    }

    /** Whether files go from the browser straight to the store (S3) rather than through the application. */
    public boolean directUploads() {
        return store.signsUploads();
    }

    /** How long a direct upload form may be used. */
    public static final java.time.Duration UPLOAD_FORM_TTL = java.time.Duration.ofMinutes(30);

    /**
     * A form posting one file straight to the store for one of the unit's reports (S3), with the store's redirect
     * back to {@code confirm}. NotFound EVIDENCE_DIRECT_UNAVAILABLE where the application receives files itself.
     */
    public Outcome<EvidenceStore.DirectUpload> uploadForm(Plan plan, Principal who, String taskId, String reportKey,
                                                          java.net.URI confirm) {
        Optional<Outcome<EvidenceStore.DirectUpload>> refused = refuse(plan, who, taskId, reportKey);
        if (refused.isPresent()) {
            return refused.get();
        }
        int attached = records.files(plan.year(), taskId, who.unitId(), reportKey).size();
        if (attached >= EvidenceRules.MAX_FILES_PER_REPORT) {
            return new Outcome.Invalid<>(List.of(new FieldError("file", "TOO_MANY_FILES", "每次填报最多上传"
                    + EvidenceRules.MAX_FILES_PER_REPORT + "个文件（已有" + attached + "个）")));
        }
        String prefix = EvidenceRules.uploadPrefix(plan.year(), taskId, who.unitId(), reportKey, newFileId());
        return store.directUpload(prefix, confirm, UPLOAD_FORM_TTL)
                .<Outcome<EvidenceStore.DirectUpload>>map(f -> new Outcome.Done<>(f, false))
                .orElseGet(() -> new Outcome.NotFound<>("EVIDENCE_DIRECT_UNAVAILABLE", "此处请直接通过表单上传文件"));
    }

    /**
     * Attaches a file the browser posted straight to the store ({@code uploadedKey}, as the store's redirect names
     * it): only the unit's own upload under that report; its size and first bytes are checked (type by content);
     * a refused file is deleted. Idempotent: confirming the same upload again answers the recorded file.
     */
    public Outcome<EvidenceFile> confirmUpload(Plan plan, Principal who, String taskId, String reportKey,
                                               String uploadedKey) {
        Optional<Outcome<EvidenceFile>> refused = refuse(plan, who, taskId, reportKey);
        if (refused.isPresent()) {
            return refused.get();
        }
        String unitId = who.unitId();
        String reportPrefix = EvidenceRules.reportPrefix(plan.year(), taskId, unitId, reportKey);
        String rest = uploadedKey == null || !uploadedKey.startsWith(reportPrefix + EvidenceRules.UPLOAD_MARK) ? ""
                : uploadedKey.substring(reportPrefix.length() + EvidenceRules.UPLOAD_MARK.length());
        int slash = rest.indexOf('/');
        String fileId = slash > 0 ? rest.substring(0, slash) : "";
        if (!fileId.matches("[A-Za-z0-9]{8,32}")) {
            return new Outcome.NotFound<>("UPLOAD_NOT_FOUND", "未找到该上传文件");
        }
        List<EvidenceFile> existing = records.files(plan.year(), taskId, unitId, reportKey);
        Optional<EvidenceFile> done = existing.stream().filter(f -> f.fileId().equals(fileId)).findFirst();
        if (done.isPresent()) {
            store.delete(uploadedKey); // a retry after the record: the staging copy may still be there
            return new Outcome.Done<>(done.get(), true);
        }
        Optional<Long> size = store.size(uploadedKey);
        if (size.isEmpty()) {
            return new Outcome.NotFound<>("UPLOAD_NOT_FOUND", "未找到该上传文件");
        }
        byte[] head = store.head(uploadedKey, EvidenceRules.TYPE_PROBE_BYTES).orElse(new byte[0]);
        List<EvidenceRules.Checked> checked = new ArrayList<>();
        List<FieldError> errors = EvidenceRules.checkStored(rest.substring(slash + 1), size.get(), head,
                existing.size(), checked);
        if (!errors.isEmpty()) {
            store.delete(uploadedKey); // refused: nothing stays behind
            return new Outcome.Invalid<>(errors);
        }
        EvidenceRules.Checked c = checked.get(0);
        String key = EvidenceRules.storageKey(plan.year(), taskId, unitId, reportKey, fileId, c.type());
        EvidenceFile file = new EvidenceFile(plan.year(), taskId, unitId, reportKey, fileId, c.displayName(),
                c.type(), size.get(), key, clock.instant());
        store.copy(uploadedKey, key, c.type().contentType());
        try {
            records.recordFile(file);
        } catch (RuntimeException e) {
            store.delete(key); // the staging object stays for a retry (or the cleanup)
            throw e;
        }
        store.delete(uploadedKey);
        return new Outcome.Done<>(file, false);
    }

    private <T> Optional<Outcome<T>> refuse(Plan plan, Principal who, String taskId, String reportKey) {
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty()) {
            return Optional.of(new Outcome.NotFound<>("UNKNOWN_TASK", Plan.noSuchTask(taskId)));
        }
        if (!who.mayReport(task.get())) {
            return Optional.of(new Outcome.Forbidden<>("NOT_RESPONSIBLE", "只有任务的责任单位可以上传佐证材料"));
        }
        if (progress.find(plan.year(), taskId, who.unitId(), reportKey).isEmpty()) {
            return Optional.of(new Outcome.NotFound<>("SUBMISSION_NOT_FOUND", "未找到该填报记录"));
        }
        return Optional.empty();
    }

    private static String newFileId() {
        return Tokens.newToken().substring(0, 16).replaceAll("[^A-Za-z0-9]", "x");
    }

    /**
     * Deletes uploads never attached: a direct upload still in its staging place after {@code olderThan}, and a
     * stored file without a record (a crash between store and record) of the same age. Safe to run twice.
     * Returns how many objects were deleted.
     */
    public int cleanUpUnattached(java.time.Duration olderThan) {
        java.time.Instant cutoff = clock.instant().minus(olderThan);
        java.util.Map<String, Set<String>> recordedByReport = new java.util.HashMap<>();
        int removed = 0;
        for (String key : store.list(EvidenceRules.KEY_ROOT)) {
            String[] parts = key.substring(EvidenceRules.KEY_ROOT.length()).split("/");
            if (parts.length < 5 || !parts[0].matches("\\d{4}")) {
                continue; // not one of ours
            }
            boolean staging = parts[4].startsWith(EvidenceRules.UPLOAD_MARK);
            if (!staging) {
                String prefix = EvidenceRules.reportPrefix(Integer.parseInt(parts[0]), parts[1], parts[2], parts[3]);
                Set<String> recorded = recordedByReport.computeIfAbsent(prefix, p -> records.files(
                        Integer.parseInt(parts[0]), parts[1], parts[2], parts[3]).stream()
                        .map(EvidenceFile::storageKey).collect(Collectors.toSet()));
                if (recorded.contains(key)) {
                    continue;
                }
            }
            Optional<java.time.Instant> at = store.storedAt(key);
            if (at.isPresent() && at.get().isBefore(cutoff)) {
                store.delete(key);
                removed++;
            }
        }
        return removed;
    }

    /** A file's record and bytes, for a coordinator or the unit that uploaded it. */
    public Optional<Download> download(Plan plan, Principal who, String taskId, String unitId, String reportKey,
                                       String fileId) {
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty() || !who.maySee(task.get()) || (!who.coordinator() && !unitId.equals(who.unitId()))) {
            return Optional.empty();
        }
        return records.files(plan.year(), taskId, unitId, reportKey).stream()
                .filter(f -> f.fileId().equals(fileId)).findFirst()
                .flatMap(f -> store.downloadUrl(f.storageKey(), f.displayName(), LINK_TTL)
                        .map(link -> Optional.of(new Download(f, null, link)))
                        .orElseGet(() -> store.get(f.storageKey()).map(bytes -> new Download(f, bytes, null))));
    }

    /** Either a signed link to the store ({@code link}) or the bytes themselves ({@code content}). */
    public record Download(EvidenceFile file, byte[] content, java.net.URI link) {
    }

    /** How long a signed download link lives. */
    public static final java.time.Duration LINK_TTL = java.time.Duration.ofMinutes(5);

    /** Deletes the stored files of a report that have no record (an upload never attached). Returns how many. */
    public int cleanUp(int year, String taskId, String unitId, String reportKey) {
        Set<String> recorded = records.files(year, taskId, unitId, reportKey).stream()
                .map(EvidenceFile::storageKey).collect(Collectors.toSet());
        int removed = 0;
        for (String key : store.list(EvidenceRules.reportPrefix(year, taskId, unitId, reportKey))) {
            if (!recorded.contains(key)) {
                store.delete(key);
                removed++;
            }
        }
        return removed;
    }
}
